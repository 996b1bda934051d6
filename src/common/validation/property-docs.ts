import type { Type } from '@nestjs/common';

export type Schema = Record<string, unknown>;

/** How a DTO property is documented, before a dialect's style (pydantic or DRF) renders it. */
export interface PropertyDoc {
  /** The value's schema without nullability, title or description (a thunk: it may name classes declared later). */
  schema: () => Schema;
  required: boolean;
  nullable: boolean;
  title?: string;
  description?: string;
  /** The documented default, when there is one. */
  default?: { value: unknown };
  /** Keywords merged last, as given (e.g. `format`, `const`). */
  extra?: Schema;
  /** The class of a nested model (not a list of them): a non-null one is documented as a bare reference. */
  model?: () => Type<unknown>;
  /** An enumeration that is its own component schema, as pydantic emits them. */
  enumComponent?: { name: string; values: readonly (string | number)[] };
}

const PROPERTY_DOCS = Symbol('scorekeeper:property-docs');
const NO_DOCS: ReadonlyMap<string, PropertyDoc> = new Map();

/** The documented properties of a DTO prototype, inherited ones first, in declaration order. */
export function propertyDocsOf(prototype: object): ReadonlyMap<string, PropertyDoc> {
  return (Reflect.getMetadata(PROPERTY_DOCS, prototype) as ReadonlyMap<string, PropertyDoc> | undefined) ?? NO_DOCS;
}

export function recordPropertyDoc(prototype: object, property: string, doc: PropertyDoc): void {
  const own: Map<string, PropertyDoc> = Reflect.getOwnMetadata(PROPERTY_DOCS, prototype) ?? new Map(propertyDocsOf(prototype));
  own.set(property, doc);
  Reflect.defineMetadata(PROPERTY_DOCS, own, prototype);
}

/** Records how a property is documented; the class's schema style renders it. */
export const Documented =
  (doc: PropertyDoc): PropertyDecorator =>
  (target, key) =>
    recordPropertyDoc(target, String(key), doc);
