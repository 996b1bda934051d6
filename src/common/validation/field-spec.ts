import type { Type } from '@nestjs/common';

export type ScalarKind = 'string' | 'int' | 'number' | 'boolean' | 'uuid' | 'uuid4' | 'datetime' | 'enum' | 'any';
export type FieldKind = ScalarKind | 'object' | 'numberMap' | 'nested' | 'list' | 'union' | 'anyOf';

/** What a DTO property accepts; drives both validation and its OpenAPI schema. */
export interface FieldSpec {
  kind: FieldKind;
  /** Must be present in the input (default true). */
  required: boolean;
  /** `null` is an accepted value. */
  nullable: boolean;
  title?: string;
  description?: string;
  /** Documented default; `applyDefault` also sets it when the input leaves the field out. */
  default?: unknown;
  applyDefault?: boolean;
  /** Inclusive bounds for numbers, lengths for strings, item counts for lists. */
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  /** A regular expression strings must match. */
  pattern?: string;
  /** Allowed values (kind `enum`) and the OpenAPI component that lists them. */
  values?: readonly (string | number)[];
  enumName?: string;
  /** Class of a nested object (`nested`) or of list items. */
  type?: () => Type<unknown>;
  /** Spec of list items (kind `list`). */
  items?: FieldSpec;
  /** A tagged union (kind `union`): the tag property and the class of each tag. */
  union?: { property: string; variants: Record<string, () => Type<unknown>> };
  /** Alternatives (kind `anyOf`): a value is valid when one of them accepts it. */
  alternatives?: FieldSpec[];
  /** A credential: never echoed back in an error's `input`. */
  secret?: boolean;
  /** Parse from a string (path and query parameters arrive as strings). */
  coerce?: boolean;
  /** Extra OpenAPI keywords, merged as they are (e.g. `format`, `examples`). */
  openapi?: Record<string, unknown>;
}

export type FieldOptions = Partial<Omit<FieldSpec, 'kind' | 'items' | 'type' | 'union' | 'alternatives'>>;

const FIELD_SPECS = Symbol('scorekeeper:field-specs');

export function recordFieldSpec(target: object, property: string, spec: FieldSpec): void {
  const own: Map<string, FieldSpec> = Reflect.getOwnMetadata(FIELD_SPECS, target) ?? new Map(fieldSpecsOf(target));
  own.set(property, spec);
  Reflect.defineMetadata(FIELD_SPECS, own, target);
}

const NO_SPECS: ReadonlyMap<string, FieldSpec> = new Map();

/** The field specs of a DTO prototype, inherited ones first, in declaration order (the stored map, read on every request: not copied). */
export function fieldSpecsOf(target: object): ReadonlyMap<string, FieldSpec> {
  return (Reflect.getMetadata(FIELD_SPECS, target) as ReadonlyMap<string, FieldSpec> | undefined) ?? NO_SPECS;
}
