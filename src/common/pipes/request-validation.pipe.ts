import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { RequestValidationException } from '../errors/api-exceptions';
import type { InputLocation } from '../errors/validation-issue';
import { collectIssues } from '../validation/collect-issues';
import { fieldSpecsOf } from '../validation/field-spec';

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

    const instance = plainToInstance(metatype, value) as Record<string, unknown>;
    const errors = await validate(instance, {
      whitelist: true,
      forbidUnknownValues: false,
      validationError: { target: true, value: true },
    });
    if (errors.length > 0) throw new RequestValidationException(collectIssues(errors, location, value));
    for (const [property, spec] of specs) {
      if (spec.applyDefault && instance[property] === undefined) instance[property] = structuredClone(spec.default);
    }
    return instance;
  }
}
