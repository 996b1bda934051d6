import { type ClassTransformOptions, Exclude, Transform, Type as TransformType } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateIf } from 'class-validator';
import { Documented, type PropertyDoc, type Schema } from './property-docs';
import { type ValueKind, dialectOf, laxValue } from './lax-coercion';

/** What every composed decorator takes: presence, nullability and documentation. */
export interface FieldOptions {
  /** The property may be absent (default: required). */
  optional?: boolean;
  /** `null` is accepted. */
  nullable?: boolean;
  title?: string;
  description?: string;
  /** The documented default (an initializer on the property applies it). */
  default?: unknown;
  /** OpenAPI keywords merged into the property's schema as given (e.g. `format`, `const`). */
  schema?: Schema;
}

/** A list of values: each item is checked; `maxItems` bounds the list. */
export interface ListOptions {
  each?: boolean;
  maxItems?: number;
}

/**
 * Holds what class-transformer makes of a value it should not touch: it creates an empty instance
 * (no keys copied, nothing walked), and the property's transform puts the value as sent in its place.
 */
@Exclude()
class AsSent {}

/**
 * The property receives the input value as sent, read by the lax rules of its class's dialect.
 * class-transformer neither walks it (no key dropped, `constructor` keys harmless) nor converts it.
 */
export function asSent(
  kind: ValueKind,
  each = false,
  then: (value: unknown, options: ClassTransformOptions) => unknown = (value) => value,
): PropertyDecorator {
  return (target, key) => {
    const property = String(key);
    TransformType(() => AsSent)(target, key);
    Transform(
      ({ obj, options }) => {
        const sent = Object.hasOwn(obj as object, property) ? (obj as Record<string, unknown>)[property] : undefined;
        return then(laxValue(kind, each, dialectOf(target.constructor), sent), options);
      },
      { toClassOnly: true },
    )(target, key);
  };
}

/** Absent and null values: required (no decorator), optional (`ValidateIf` defined), nullable, or both (`IsOptional`). */
export function presence({ optional, nullable }: FieldOptions): PropertyDecorator[] {
  if (optional && nullable) return [IsOptional()];
  if (optional) return [ValidateIf((_object, value) => value !== undefined)];
  if (nullable) return [ValidateIf((_object, value) => value !== null)];
  return [];
}

/** `IsArray` and `ArrayMaxSize` for a list property. */
export function listChecks({ each, maxItems }: ListOptions): PropertyDecorator[] {
  if (!each) return [];
  return [IsArray(), ...(maxItems !== undefined ? [ArrayMaxSize(maxItems)] : [])];
}

/** The schema of one value, or of a list of them. */
export const listOf = ({ each, maxItems }: ListOptions, item: Schema): Schema =>
  each ? { type: 'array', items: item, ...(maxItems !== undefined ? { maxItems } : {}) } : item;

/** Records the property's documentation (its class's schema style renders it). */
export function documented(options: FieldOptions, schema: () => Schema, more: Partial<PropertyDoc> = {}): PropertyDecorator {
  return Documented({
    schema,
    required: !options.optional,
    nullable: !!options.nullable,
    ...(options.title ? { title: options.title } : {}),
    ...(options.description ? { description: options.description } : {}),
    ...('default' in options ? { default: { value: options.default } } : {}),
    ...(options.schema ? { extra: options.schema } : {}),
    ...more,
  });
}
