import type { Type } from '@nestjs/common';
import { Transform, Type as TransformType, plainToInstance } from 'class-transformer';
import { ValidateIf, ValidateNested, registerDecorator } from 'class-validator';
import { checkField } from './check-field';
import { FieldKind, FieldOptions, FieldSpec, ScalarKind, recordFieldSpec } from './field-spec';

export const FIELD_CONSTRAINT = 'field';

function coerceFromString(kind: FieldKind, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  switch (kind) {
    case 'int':
      return /^[+-]?\d+$/.test(text) ? Number(text) : value;
    case 'number':
      return text !== '' && Number.isFinite(Number(text)) ? Number(text) : value;
    case 'boolean': {
      const lowered = text.toLowerCase();
      if (['true', '1', 'yes', 'on', 't', 'y'].includes(lowered)) return true;
      if (['false', '0', 'no', 'off', 'f', 'n'].includes(lowered)) return false;
      return value;
    }
    default:
      return value;
  }
}

/** Declares a DTO property: records its spec (for OpenAPI) and validates it with class-validator. */
export function Field(spec: FieldSpec): PropertyDecorator {
  return (target, key) => {
    const property = String(key);
    recordFieldSpec(target, property, spec);
    registerDecorator({
      name: FIELD_CONSTRAINT,
      target: target.constructor,
      propertyName: property,
      constraints: [spec],
      validator: { validate: (value: unknown) => checkField(spec, value) === undefined },
    });
    if (spec.coerce) {
      const kind = spec.kind === 'list' && spec.items ? spec.items.kind : spec.kind;
      Transform(({ value }) =>
        spec.kind === 'list'
          ? (Array.isArray(value) ? value : value === undefined ? value : [value]).map((item: unknown) => coerceFromString(kind, item))
          : coerceFromString(kind, value),
      )(target, key);
    }
    const union = spec.union ?? spec.items?.union;
    const nestedType = spec.type ?? spec.items?.type;
    // Null is a complete answer for a nullable field: nothing nested to validate.
    if (spec.nullable && (union || nestedType)) ValidateIf((_object, value) => value !== null)(target, key);
    if (union) {
      // Items whose tag names a variant become that class (and are validated as it); others stay as
      // sent, for the union check to report.
      const toVariant = (item: unknown) => {
        const tag =
          typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>)[union.property] : undefined;
        const variant = typeof tag === 'string' && Object.hasOwn(union.variants, tag) ? union.variants[tag] : undefined;
        if (variant) return plainToInstance(variant(), item);
        return typeof item === 'object' && item !== null && !Array.isArray(item) ? { ...item } : item;
      };
      Transform(({ obj }) => {
        const value = (obj as Record<string, unknown>)[property];
        return spec.kind === 'list' && Array.isArray(value) ? value.map(toVariant) : spec.kind === 'list' ? value : toVariant(value);
      })(target, key);
      ValidateNested({ each: spec.kind === 'list' })(target, key);
    } else if (nestedType) {
      TransformType(nestedType)(target, key);
      ValidateNested({ each: spec.kind === 'list' })(target, key);
    }
  };
}

const scalar =
  (kind: ScalarKind) =>
  (options: FieldOptions = {}): PropertyDecorator =>
    Field({ required: true, nullable: false, ...options, kind });

export const StringField = scalar('string');
export const IntField = scalar('int');
export const NumberField = scalar('number');
export const BooleanField = scalar('boolean');
export const UuidField = scalar('uuid');
export const Uuid4Field = scalar('uuid4');
export const DateTimeField = scalar('datetime');
export const AnyField = scalar('any');

export const EnumField = (values: readonly (string | number)[], options: FieldOptions = {}): PropertyDecorator =>
  Field({ required: true, nullable: false, ...options, kind: 'enum', values });

/** A JSON object with any content. */
export const ObjectField = (options: FieldOptions = {}): PropertyDecorator =>
  Field({ required: true, nullable: false, ...options, kind: 'object' });

/** A map of string to number or null. */
export const NumberMapField = (options: FieldOptions = {}): PropertyDecorator =>
  Field({ required: true, nullable: false, ...options, kind: 'numberMap' });

export const NestedField = (type: () => Type<unknown>, options: FieldOptions = {}): PropertyDecorator =>
  Field({ required: true, nullable: false, ...options, kind: 'nested', type });

/** A list of scalars (`items` is a scalar spec) or of nested objects (`items` is a class). */
export const ListField = (
  items: (() => Type<unknown>) | Omit<FieldSpec, 'required' | 'nullable'>,
  options: FieldOptions = {},
): PropertyDecorator =>
  Field({
    required: true,
    nullable: false,
    ...options,
    kind: 'list',
    items:
      typeof items === 'function'
        ? { kind: 'nested', required: true, nullable: false, type: items }
        : { required: true, nullable: false, ...items },
  });

/** One of several classes, told apart by the value of `property` (pydantic's discriminated union). */
export const UnionField = (
  property: string,
  variants: Record<string, () => Type<unknown>>,
  options: FieldOptions = {},
): PropertyDecorator => Field({ required: true, nullable: false, ...options, kind: 'union', union: { property, variants } });

/** A list of tagged-union items. */
export const UnionListField = (
  property: string,
  variants: Record<string, () => Type<unknown>>,
  options: FieldOptions = {},
): PropertyDecorator =>
  Field({
    required: true,
    nullable: false,
    ...options,
    kind: 'list',
    items: { kind: 'union', required: true, nullable: false, union: { property, variants } },
  });

/** A value one of the alternatives accepts, e.g. a string or a list of strings. */
export const AnyOfField = (alternatives: Omit<FieldSpec, 'required' | 'nullable'>[], options: FieldOptions = {}): PropertyDecorator =>
  Field({
    required: true,
    nullable: false,
    ...options,
    kind: 'anyOf',
    alternatives: alternatives.map((alternative) => ({ required: true, nullable: false, ...alternative })),
  });
