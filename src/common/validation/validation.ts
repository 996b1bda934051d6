import { type Type, applyDecorators } from '@nestjs/common';
import { getSchemaPath } from '@nestjs/swagger';
import type { ClassTransformOptions } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { isPlainObject } from '../is-plain-object';
import { IsDateTimeSyntax } from './datetime-text';
import { instantiate } from './instantiate';
import { type FieldOptions, type ListOptions, asSent, documented, listChecks, listOf, presence } from './field-parts';
import { type DocumentShape, IsJsonDocument, IsStorableText } from './json-document';
import { IsTaggedUnion, type UnionSpec, toVariant } from './tagged-union';

export type { FieldOptions, ListOptions } from './field-parts';
export { IS_TEXT_OR_TEXT_LIST, ValidateTextOrTextList } from './text-or-text-list';

/** PostgreSQL's `integer`: the default bounds of an integer field. */
export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;

/** The context that marks a credential: its value is never echoed in an error. */
export const SECRET = { secret: true } as const;

const defined = <T>(value: T | undefined, make: (value: T) => PropertyDecorator): PropertyDecorator[] =>
  value === undefined ? [] : [make(value)];

export interface StringOptions extends FieldOptions, ListOptions {
  minLength?: number;
  maxLength?: number;
  /** A regular expression the whole string must match (anchor it). */
  pattern?: string;
  /** A credential: never echoed back in an error. */
  secret?: boolean;
}

/** A string (each item of a list, with `each`) PostgreSQL can store: no NUL, no unpaired surrogate. */
export function ValidateString(options: StringOptions = {}): PropertyDecorator {
  const each = { each: !!options.each };
  return applyDecorators(
    asSent('string', each.each),
    ...presence(options),
    ...listChecks(options),
    IsString({ ...each, ...(options.secret ? { context: SECRET } : {}) }),
    IsStorableText(each),
    ...defined(options.minLength, (length) => MinLength(length, each)),
    ...defined(options.maxLength, (length) => MaxLength(length, each)),
    // eslint-disable-next-line security/detect-non-literal-regexp -- patterns are declared on DTO fields, not sent by clients
    ...defined(options.pattern, (pattern) => Matches(new RegExp(pattern), each)),
    documented(options, () =>
      listOf(options, {
        type: 'string',
        ...(options.minLength !== undefined ? { minLength: options.minLength } : {}),
        ...(options.maxLength !== undefined ? { maxLength: options.maxLength } : {}),
        ...(options.pattern !== undefined ? { pattern: options.pattern } : {}),
      }),
    ),
  );
}

export interface NumberOptions extends FieldOptions {
  min?: number;
  max?: number;
}

const bounds = ({ min, max }: NumberOptions) => ({
  ...(min !== undefined ? { minimum: min } : {}),
  ...(max !== undefined ? { maximum: max } : {}),
});

/** An integer, within PostgreSQL's `integer` unless other bounds are given. */
export function ValidateInt(options: NumberOptions = {}): PropertyDecorator {
  return applyDecorators(
    asSent('int'),
    ...presence(options),
    IsInt(),
    Min(options.min ?? INT32_MIN),
    Max(options.max ?? INT32_MAX),
    documented(options, () => ({ type: 'integer', ...bounds(options) })),
  );
}

/** A finite number (a double). */
export function ValidateNumber(options: NumberOptions = {}): PropertyDecorator {
  return applyDecorators(
    asSent('float'),
    ...presence(options),
    IsNumber(),
    ...defined(options.min, (min) => Min(min)),
    ...defined(options.max, (max) => Max(max)),
    documented(options, () => ({ type: 'number', ...bounds(options) })),
  );
}

export function ValidateBoolean(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    asSent('bool'),
    ...presence(options),
    IsBoolean(),
    documented(options, () => ({ type: 'boolean' })),
  );
}

export interface UuidOptions extends FieldOptions, ListOptions {
  /** 4 for Galileo's `format: uuid4`; any version otherwise. */
  version?: 4;
}

/** A UUID in any of the forms pydantic accepts, canonicalized (lower case, hyphenated). */
export function ValidateUUID(options: UuidOptions = {}): PropertyDecorator {
  const each = { each: !!options.each };
  return applyDecorators(
    asSent('uuid', each.each),
    ...presence(options),
    ...listChecks(options),
    IsUUID(options.version === 4 ? '4' : 'loose', each),
    documented(options, () => listOf(options, { type: 'string', format: options.version === 4 ? 'uuid4' : 'uuid' })),
  );
}

/** An ISO 8601 date-time (see DATETIME_SYNTAX), kept as the string sent. */
export function ValidateDateTime(options: FieldOptions = {}): PropertyDecorator {
  return applyDecorators(
    asSent('datetime'),
    ...presence(options),
    IsISO8601({ strict: true }),
    IsDateTimeSyntax(),
    documented(options, () => ({ type: 'string', format: 'date-time' })),
  );
}

export type EnumOptions = FieldOptions & ListOptions & { enumName?: string };

/**
 * One of `values` (each item, with `each`). With `enumName` a named enumeration (pydantic's `Enum`,
 * `IsEnum`), its own component schema; without, a literal choice (`Literal`, `IsIn`) documented inline.
 */
export function ValidateEnum(values: readonly (string | number)[], options: EnumOptions = {}): PropertyDecorator {
  const type = values.every((value) => typeof value === 'number') ? 'integer' : 'string';
  const { enumName } = options;
  const each = { each: !!options.each };
  const component = enumName ? { enumComponent: { name: enumName, values } } : {};
  return applyDecorators(
    asSent('enum', each.each),
    ...presence(options),
    ...listChecks(options),
    enumName ? IsEnum(Object.fromEntries(values.map((value) => [value, value])), each) : IsIn([...values], each),
    documented(
      options,
      () => listOf(options, enumName ? { $ref: `#/components/schemas/${enumName}` } : { type, enum: [...values] }),
      component,
    ),
  );
}

const toModel = (type: Type<unknown>, value: unknown, options: ClassTransformOptions) =>
  isPlainObject(value) ? instantiate(type, value, options) : value;

/** A nested DTO (a list of them, with `each`), instantiated from its declared properties and validated as its class. */
export function ValidateModel(type: () => Type<unknown>, options: FieldOptions & ListOptions = {}): PropertyDecorator {
  const each = { each: !!options.each };
  return applyDecorators(
    asSent('json', false, (value, transformOptions) =>
      each.each && Array.isArray(value)
        ? value.map((item) => toModel(type(), item, transformOptions))
        : toModel(type(), value, transformOptions),
    ),
    ...presence(options),
    ...listChecks(options),
    IsObject(each),
    ValidateNested(each),
    documented(options, () => listOf(options, { $ref: getSchemaPath(type()) }), each.each ? {} : { model: type }),
  );
}

/** pydantic's discriminated union: the `property` of the value (of each item) names its class. */
export function ValidateUnion(union: UnionSpec, options: FieldOptions & ListOptions = {}): PropertyDecorator {
  const each = { each: !!options.each };
  const variants = Object.entries(union.variants);
  return applyDecorators(
    asSent('json', false, (value, transformOptions) =>
      Array.isArray(value) && each.each
        ? value.map((item) => toVariant(item, union, transformOptions))
        : toVariant(value, union, transformOptions),
    ),
    ...presence(options),
    ...listChecks(options),
    IsTaggedUnion(union, each),
    ValidateNested(each),
    documented(options, () =>
      listOf(options, {
        oneOf: variants.map(([, variant]) => ({ $ref: getSchemaPath(variant()) })),
        discriminator: {
          propertyName: union.property,
          mapping: Object.fromEntries(variants.map(([tag, variant]) => [tag, getSchemaPath(variant())])),
        },
      }),
    ),
  );
}

const DOCUMENT_SCHEMAS: Record<DocumentShape, Record<string, unknown>> = {
  any: {},
  object: { type: 'object', additionalProperties: true },
  list: { type: 'array', items: {} },
  objects: { type: 'array', items: { type: 'object', additionalProperties: true } },
  numberMap: { additionalProperties: { anyOf: [{ type: 'number' }, { type: 'null' }] }, type: 'object' },
};

/**
 * Free-form JSON stored as sent (keys such as `__proto__` kept): every key and string at any depth
 * is storable text, within JSON_DOCUMENT_LIMITS. `maxItems` bounds a list of objects.
 */
export function ValidateJson(shape: DocumentShape, options: FieldOptions & { maxItems?: number } = {}): PropertyDecorator {
  return applyDecorators(
    asSent(shape === 'numberMap' ? 'numberMap' : 'json'),
    ...presence(options),
    IsJsonDocument(shape),
    ...defined(options.maxItems, (maxItems) => ArrayMaxSize(maxItems)),
    documented(options, () => ({ ...DOCUMENT_SCHEMAS[shape], ...(options.maxItems !== undefined ? { maxItems: options.maxItems } : {}) })),
  );
}
