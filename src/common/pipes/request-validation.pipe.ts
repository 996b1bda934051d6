import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { RequestValidationException } from '../errors/api-exceptions';
import type { InputLocation } from '../errors/validation-issue';
import { collectIssues } from '../validation/collect-issues';
import { fieldSpecsOf } from '../validation/field-spec';
import { declaredStructure } from '../validation/free-form';
import { pathBeyondDepth } from '../validation/json-depth';

/** Deeper input would overflow the stack of the object mapping below: it is refused as invalid instead. */
export const MAX_INPUT_DEPTH = 64;

const LOCATIONS: Partial<Record<ArgumentMetadata['type'], InputLocation>> = { body: 'body', query: 'query', param: 'path' };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Validates DTO-typed body, query and path arguments declared with the field decorators, strips
 * properties the DTO does not declare, applies documented defaults, and raises one
 * RequestValidationException listing every problem with its FastAPI-style location.
 */
@Injectable()
export class RequestValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const location = LOCATIONS[metadata.type];
    const metatype = metadata.metatype;
    if (!location || !metatype || metadata.data) return value;
    const specs = fieldSpecsOf(metatype.prototype);
    if (specs.size === 0) return value;

    if (!isPlainObject(value)) {
      throw new RequestValidationException([
        value === undefined || value === null
          ? { type: 'missing', loc: [location], msg: 'Field required', input: null, drfMsg: 'No data provided' }
          : {
              type: 'model_attributes_type',
              loc: [location],
              msg: 'Input should be a valid dictionary or object to extract fields from',
              input: value,
              drfMsg: `Invalid data. Expected a dictionary, but got ${Array.isArray(value) ? 'list' : typeof value === 'string' ? 'str' : typeof value}.`,
            },
      ]);
    }

    const tooDeep = pathBeyondDepth(value, MAX_INPUT_DEPTH);
    if (tooDeep) {
      const message = `JSON nested deeper than ${MAX_INPUT_DEPTH} levels is not supported.`;
      throw new RequestValidationException([
        { type: 'value_error', loc: [location, tooDeep[0]], msg: `Value error, ${message}`, input: null, drfMsg: message },
      ]);
    }

    const structure = declaredStructure(metatype, value);
    const instance = plainToInstance(metatype, structure.plain) as Record<string, unknown>;
    structure.restore(instance);
    const errors = await validate(instance, {
      whitelist: true,
      forbidUnknownValues: false,
      validationError: { target: true, value: true },
    });
    if (errors.length > 0) throw new RequestValidationException(collectIssues(errors, location, value));
    applyDefaults(instance);
    return instance;
  }
}

/** Sets documented defaults of absent fields, in nested objects and lists too. */
function applyDefaults(target: unknown): void {
  if (Array.isArray(target)) return target.forEach(applyDefaults);
  if (typeof target !== 'object' || target === null) return;
  const record = target as Record<string, unknown>;
  for (const [property, spec] of fieldSpecsOf(Object.getPrototypeOf(target))) {
    if (spec.applyDefault && record[property] === undefined) record[property] = structuredClone(spec.default);
    if (['nested', 'union', 'list'].includes(spec.kind)) applyDefaults(record[property]);
  }
}
