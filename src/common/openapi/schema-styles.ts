import type { Type } from '@nestjs/common';
import { ApiProperty, ApiSchema, type ApiSchemaOptions, DECORATORS, PartialType, PickType } from '@nestjs/swagger';
import { type InputDialect, declareDialect } from '../validation/lax-coercion';
import { type PropertyDoc, type Schema, propertyDocsOf } from '../validation/property-docs';
import { ENUM_SCHEMAS, SCHEMA_CLASSES } from './schema-registry';

/** `dataset_id` → `Dataset Id`, as pydantic titles fields. */
export const titleOf = (property: string): string =>
  property
    .split('_')
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(' ');

const withDefault = (doc: PropertyDoc): Schema => (doc.default ? { default: doc.default.value } : {});

/** Pydantic (FastAPI) style: every property titled, nullability as `anyOf [..., {"type": "null"}]`. */
function pydanticProperty(property: string, doc: PropertyDoc): Schema {
  const base = doc.schema();
  return {
    ...(doc.nullable ? { anyOf: [base, { type: 'null' }] } : base),
    title: doc.title ?? titleOf(property),
    ...(doc.description ? { description: doc.description } : {}),
    ...withDefault(doc),
    ...doc.extra,
  };
}

/** DRF style (Respan's reference): descriptions, no titles, nullability as `nullable`. */
function drfProperty(_property: string, doc: PropertyDoc): Schema {
  return {
    ...doc.schema(),
    ...(doc.nullable ? { nullable: true } : {}),
    ...(doc.description ? { description: doc.description } : {}),
    ...withDefault(doc),
    ...doc.extra,
  };
}

type Render = (property: string, doc: PropertyDoc) => Schema;

/**
 * A nested model that cannot be null, as pydantic writes it: a reference, untitled (with its description
 * or default, if any). Given the class as a lazy type (a function named `type`), @nestjs/swagger emits a
 * bare `$ref`, or `allOf: [{ $ref }]` beside other keywords, instead of a `$ref` beside its own `allOf`.
 */
function modelReference(doc: PropertyDoc): Schema | undefined {
  const model = doc.model;
  if (!model || doc.nullable) return undefined;
  const type = () => model();
  return { type, ...(doc.description ? { description: doc.description } : {}), ...withDefault(doc), ...doc.extra };
}

function renderProperty(prototype: object, property: string, doc: PropertyDoc, render: Render): void {
  if (doc.enumComponent) {
    const { name, values } = doc.enumComponent;
    ENUM_SCHEMAS.set(name, { type: values.every((value) => typeof value === 'number') ? 'integer' : 'string', enum: values, title: name });
  }
  // A property typed `null` reflects no design type; the schema is explicit, so any type will do.
  if (Reflect.getMetadata('design:type', prototype, property) === undefined)
    Reflect.defineMetadata('design:type', Object, prototype, property);
  ApiProperty({ ...(modelReference(doc) ?? render(property, doc)), required: doc.required } as never)(prototype, property);
}

function applyStyle(target: Type<unknown>, dialect: InputDialect, render: Render, schema?: ApiSchemaOptions): void {
  declareDialect(target, dialect);
  for (const [property, doc] of propertyDocsOf(target.prototype)) renderProperty(target.prototype, property, doc, render);
  if (schema) {
    ApiSchema(schema)(target);
    SCHEMA_CLASSES.add(target);
  }
}

/** A Galileo (pydantic) model: read in pydantic's lax mode; the component is named and titled `name`. */
export const GalileoSchema =
  (name: string): ClassDecorator =>
  (target) =>
    applyStyle(target as unknown as Type<unknown>, { lax: 'pydantic', parameters: false }, pydanticProperty, {
      name,
      title: name,
    } as ApiSchemaOptions);

/** A Respan (DRF serializer) schema, named `name`: JSON read as sent. */
export const RespanSchema =
  (name: string): ClassDecorator =>
  (target) =>
    applyStyle(target as unknown as Type<unknown>, { lax: 'strict', parameters: false }, drfProperty, { name });

/** Path or query parameters of a Galileo operation (rendered as parameters, not as a component). */
export const GalileoParameters = (): ClassDecorator => (target) =>
  applyStyle(target as unknown as Type<unknown>, { lax: 'pydantic', parameters: true }, pydanticProperty);

/** Path or query parameters of a Respan operation, parsed from their text as DRF fields parse it. */
export const RespanParameters = (): ClassDecorator => (target) =>
  applyStyle(target as unknown as Type<unknown>, { lax: 'drf', parameters: true }, drfProperty);

/**
 * A pydantic update model derived from a create model: `keys` picked, each optional and nullable
 * (`X | None = None`), no default. Validation and transformation come from `PartialType(PickType(…))`
 * (null and absent values skip the checks); the documentation is re-rendered as pydantic writes it.
 */
export function GalileoUpdateType<T, K extends keyof T & string>(classRef: Type<T>, keys: readonly K[]) {
  const Mapped = PartialType(PickType(classRef, keys));
  const docs = propertyDocsOf(classRef.prototype);
  for (const key of keys) {
    const doc = docs.get(key);
    if (!doc) continue;
    Reflect.deleteMetadata(DECORATORS.API_MODEL_PROPERTIES, Mapped.prototype, key);
    renderProperty(Mapped.prototype, key, { ...doc, required: false, nullable: true, default: undefined }, pydanticProperty);
  }
  return Mapped;
}
