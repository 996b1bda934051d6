import { type ArgumentMetadata, Injectable, type PipeTransform, type Type } from '@nestjs/common';
import type { ClassTransformOptions } from 'class-transformer';
import { type ValidatorOptions, validateSync } from 'class-validator';
import { RequestValidationException } from '../errors/api-exceptions';
import type { InputLocation, ValidationIssue } from '../errors/validation-issue';
import { isPlainObject } from '../is-plain-object';
import { boundedEcho } from '../validation/echo';
import { declaredProperties, instantiate } from '../validation/instantiate';
import { cacheValidationMetadata } from '../validation/metadata-cache';
import { documentValueProblem, jsonTypeName } from '../validation/json-document';
import { keyBeyondDepth } from '../validation/json-depth';
import { passesEveryCheck } from '../validation/passing-checks';
import { cacheTransformMetadata } from '../validation/transform-metadata-cache';
import { validationIssues } from '../validation/validation-issues';

/** Deeper input is refused before class-transformer walks it. */
export const MAX_INPUT_DEPTH = 64;

const LOCATIONS: Partial<Record<ArgumentMetadata['type'], InputLocation>> = { body: 'body', query: 'query', param: 'path' };
const NOT_DTOS = new Set<unknown>([Object, String, Number, Boolean, Array, Buffer, Date]);

/** Only declared properties are copied (see `instantiate`), each value as sent (see `asSent`). */
export const TRANSFORM_OPTIONS: ClassTransformOptions = { exposeUnsetFields: false };
export const VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidUnknownValues: true,
  stopAtFirstError: true,
  validationError: { target: true, value: true },
};

/** A DTO class whose properties declare no check would let input through unvalidated: a programming error. */
export function assertDeclaresValidation(type: Type<unknown>): void {
  if (declaredProperties(type).size === 0) throw new Error(`${type.name} is used as a request DTO but declares no validation`);
}

function notAnObject(location: InputLocation, value: unknown): ValidationIssue {
  if (value === undefined || value === null)
    return { type: 'missing', loc: [location], msg: 'Field required', input: null, drfMsg: 'No data provided' };
  return {
    type: 'model_attributes_type',
    loc: [location],
    msg: 'Input should be a valid dictionary or object to extract fields from',
    input: boundedEcho(value),
    drfMsg: `Invalid data. Expected a dictionary, but got ${jsonTypeName(value)}.`,
  };
}

/**
 * Validates DTO-typed body, query and path arguments with class-validator (instances built by
 * class-transformer, undeclared properties dropped) and raises one RequestValidationException with
 * every problem located as FastAPI locates it. A body taken without a DTO still gets the JSON
 * document checks (storable text, limits) before it can reach the database.
 */
@Injectable()
export class RequestValidationPipe implements PipeTransform {
  constructor() {
    cacheValidationMetadata();
    cacheTransformMetadata();
  }

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const location = LOCATIONS[metadata.type];
    const type = metadata.metatype;
    if (!location || metadata.data) return value;
    if (!type || NOT_DTOS.has(type)) {
      const problem = location === 'body' && value !== undefined ? documentValueProblem(value) : undefined;
      if (problem) {
        const { at, input, ...finding } = problem;
        throw new RequestValidationException([{ ...finding, loc: [location, ...at], input: boundedEcho(input) }]);
      }
      return value;
    }
    assertDeclaresValidation(type);
    if (!isPlainObject(value)) throw new RequestValidationException([notAnObject(location, value)]);
    const tooDeep = keyBeyondDepth(value, MAX_INPUT_DEPTH);
    if (tooDeep !== undefined) {
      const message = `JSON nested deeper than ${MAX_INPUT_DEPTH} levels is not supported.`;
      throw new RequestValidationException([
        {
          type: 'value_error',
          loc: [location, ...(tooDeep === null ? [] : [tooDeep])],
          msg: `Value error, ${message}`,
          input: null,
          drfMsg: message,
        },
      ]);
    }
    const instance = instantiate(type, value, TRANSFORM_OPTIONS) as object;
    if (passesEveryCheck(instance)) return instance;
    const errors = validateSync(instance, VALIDATOR_OPTIONS);
    if (errors.length > 0) throw new RequestValidationException(validationIssues(errors, location, value));
    return instance;
  }
}
