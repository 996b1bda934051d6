import type { Type } from '@nestjs/common';
import { ApiProperty, ApiSchema, type ApiSchemaOptions, getSchemaPath } from '@nestjs/swagger';
import type { FieldSpec } from '../validation/field-spec';
import { fieldSpecsOf } from '../validation/field-spec';
import { ENUM_SCHEMAS, SCHEMA_CLASSES } from './schema-registry';

type Schema = Record<string, unknown>;

/** `dataset_id` → `Dataset Id`, as pydantic titles fields. */
export const titleOf = (property: string): string =>
  property
    .split('_')
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(' ');

function refOf(type: () => Type<unknown>): Schema {
  return { $ref: getSchemaPath(type()) };
}

function enumSchema(spec: FieldSpec): Schema {
  const values = spec.values ?? [];
  const type = values.every((value) => typeof value === 'number') ? 'integer' : 'string';
  if (!spec.enumName) return { type, enum: [...values] };
  ENUM_SCHEMAS.set(spec.enumName, { type, enum: values, title: spec.enumName });
  return { $ref: `#/components/schemas/${spec.enumName}` };
}

function bounds(spec: FieldSpec): Schema {
  return {
    ...(spec.min !== undefined ? { minimum: spec.min } : {}),
    ...(spec.max !== undefined ? { maximum: spec.max } : {}),
    ...(spec.minLength !== undefined ? { minLength: spec.minLength } : {}),
    ...(spec.maxLength !== undefined ? { maxLength: spec.maxLength } : {}),
    ...(spec.pattern !== undefined ? { pattern: spec.pattern } : {}),
  };
}

/** The schema of a value, before nullability, title and description. */
export function valueSchema(spec: FieldSpec): Schema {
  switch (spec.kind) {
    case 'string':
      return { type: 'string', ...bounds(spec) };
    case 'int':
      return { type: 'integer', ...bounds(spec) };
    case 'number':
      return { type: 'number', ...bounds(spec) };
    case 'boolean':
      return { type: 'boolean' };
    case 'uuid':
      return { type: 'string', format: 'uuid' };
    case 'uuid4':
      return { type: 'string', format: 'uuid4' };
    case 'datetime':
      return { type: 'string', format: 'date-time' };
    case 'enum':
      return enumSchema(spec);
    case 'object':
      return { type: 'object', additionalProperties: true };
    case 'numberMap':
      return { additionalProperties: { anyOf: [{ type: 'number' }, { type: 'null' }] }, type: 'object' };
    case 'nested':
      return refOf(spec.type!);
    case 'list':
      return {
        type: 'array',
        items: spec.items ? valueSchema(spec.items) : {},
        ...(spec.maxLength !== undefined ? { maxItems: spec.maxLength } : {}),
      };
    case 'union': {
      const variants = Object.entries(spec.union!.variants);
      return {
        oneOf: variants.map(([, variant]) => refOf(variant)),
        discriminator: {
          propertyName: spec.union!.property,
          mapping: Object.fromEntries(variants.map(([tag, variant]) => [tag, getSchemaPath(variant())])),
        },
      };
    }
    case 'anyOf':
      return { anyOf: (spec.alternatives ?? []).map(valueSchema) };
    case 'any':
      return {};
  }
}

const withDefault = (spec: FieldSpec): Schema => ('default' in spec ? { default: spec.default } : {});

/** Pydantic (FastAPI) style: every property titled, nullability as `anyOf [..., {"type": "null"}]`. */
function pydanticProperty(property: string, spec: FieldSpec): Schema {
  const base = valueSchema(spec);
  // A model-typed field that cannot be null is a bare reference in pydantic's schemas.
  // (A function named `type` is what @nestjs/swagger takes for a lazy type.)
  if (spec.kind === 'nested' && !spec.nullable) {
    const type = () => spec.type!();
    return { type };
  }
  const schema = spec.nullable ? { anyOf: [base, { type: 'null' }] } : base;
  return {
    ...schema,
    title: spec.title ?? titleOf(property),
    ...(spec.description ? { description: spec.description } : {}),
    ...withDefault(spec),
    ...spec.openapi,
  };
}

/** DRF style (Respan's reference): descriptions, no titles, nullability as `type: [..., "null"]`. */
function drfProperty(spec: FieldSpec): Schema {
  const base = valueSchema(spec);
  return {
    ...base,
    ...(spec.nullable ? { nullable: true } : {}),
    ...(spec.description ? { description: spec.description } : {}),
    ...withDefault(spec),
    ...spec.openapi,
  };
}

function applyProperties(target: Type<unknown>, render: (property: string, spec: FieldSpec) => Schema) {
  for (const [property, spec] of fieldSpecsOf(target.prototype)) {
    // A property typed `null` reflects no design type; the schema is explicit, so any type will do.
    if (Reflect.getMetadata('design:type', target.prototype, property) === undefined) {
      Reflect.defineMetadata('design:type', Object, target.prototype, property);
    }
    ApiProperty({ ...render(property, spec), required: spec.required } as never)(target.prototype, property);
  }
}

function applyStyle(target: Type<unknown>, name: string, title: string | undefined, render: (property: string, spec: FieldSpec) => Schema) {
  applyProperties(target, render);
  ApiSchema({ name, ...(title ? { title } : {}) } as ApiSchemaOptions)(target);
  SCHEMA_CLASSES.add(target);
}

/** A Galileo (pydantic) model: the component is named and titled `name`. */
export const GalileoSchema =
  (name: string): ClassDecorator =>
  (target) =>
    applyStyle(target as unknown as Type<unknown>, name, name, pydanticProperty);

/** A Respan (DRF serializer) schema, named `name`. */
export const RespanSchema =
  (name: string): ClassDecorator =>
  (target) =>
    applyStyle(target as unknown as Type<unknown>, name, undefined, (_property, spec) => drfProperty(spec));

/** Path or query parameters of a Galileo operation (rendered as parameters, not as a component). */
export const GalileoParameters = (): ClassDecorator => (target) => applyProperties(target as unknown as Type<unknown>, pydanticProperty);

/** Path or query parameters of a Respan operation. */
export const RespanParameters = (): ClassDecorator => (target) =>
  applyProperties(target as unknown as Type<unknown>, (_property, spec) => drfProperty(spec));
