import fc from 'fast-check';
import { freeFormKey, hostileString, hostileValue, hugeInteger, objectOf } from './hostile-values';

type Schema = Record<string, any>;
export type Components = Record<string, Schema>;

const MAX_DEPTH = 6;

const dateTime = (): fc.Arbitrary<string> =>
  fc
    .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString());

function stringOf(schema: Schema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
    case 'uuid4':
      return fc.uuid({ version: 4 });
    case 'date-time':
      return dateTime();
    default:
      break;
  }
  if (schema.pattern === '^[A-Za-z0-9][A-Za-z0-9_.:-]*$') {
    return fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,30}$/).map((text) => text.slice(0, schema.maxLength ?? 100));
  }
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)); // eslint-disable-line security/detect-non-literal-regexp -- patterns of our own document
  // Now and then a string of contract §10's classes, at any depth of the body.
  return fc.oneof(
    {
      weight: 14,
      arbitrary: fc.string({ unit: 'grapheme', minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 24, 24) }),
    },
    { weight: 1, arbitrary: hostileString() },
  );
}

/** Leaves of free-form JSON: ordinary values, and now and then a hostile one (huge integers, NUL, deep nesting…). */
const freeFormLeaf = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    { weight: 1, arbitrary: hugeInteger() },
    { weight: 1, arbitrary: hostileValue() },
  );

/** A free-form object: its keys and leaves may be hostile (`__proto__` kept as an own key). */
const freeFormObject = (leaf: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> =>
  fc.array(fc.tuple(freeFormKey(), leaf), { maxLength: 3 }).map(objectOf);

function numberOf(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (integer ? -1000 : -1e6);
  const max = schema.maximum ?? (integer ? 1000 : 1e6);
  return integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/**
 * Values that conform to an OpenAPI 3.1 schema of this document (types, enums, formats, bounds,
 * required properties). Cross-field rules are not known here: many values will still be refused.
 */
export function arbitraryOf(schema: Schema | undefined, components: Components, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > MAX_DEPTH) return fc.constant(null);
  if (schema.$ref) return arbitraryOf(components[schema.$ref.split('/').pop()], components, depth + 1);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...(variants as Schema[]).map((variant) => arbitraryOf(variant, components, depth + 1)));
  const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : ['object'];
  return fc.oneof(...types.map((type) => ofType(type, schema, components, depth)));
}

function ofType(type: string, schema: Schema, components: Components, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return numberOf(schema, true);
    case 'number':
      return numberOf(schema, false);
    case 'string':
      return stringOf(schema);
    case 'array':
      return fc.array(arbitraryOf(schema.items, components, depth + 1), { maxLength: Math.min(schema.maxItems ?? 3, 3) });
    default: {
      const properties: Record<string, Schema> = schema.properties ?? {};
      if (Object.keys(properties).length === 0) {
        if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
          const leaf = arbitraryOf(schema.additionalProperties, components, depth + 1);
          return freeFormObject(fc.oneof({ weight: 6, arbitrary: leaf }, { weight: 1, arbitrary: hugeInteger() }));
        }
        return schema.additionalProperties ? freeFormObject(freeFormLeaf()) : fc.constant({});
      }
      const required = new Set<string>(schema.required ?? []);
      const record = Object.fromEntries(
        Object.entries(properties).map(([name, property]) => [name, arbitraryOf(property, components, depth + 1)]),
      );
      return fc.record(record, { requiredKeys: Object.keys(properties).filter((name) => required.has(name)) });
    }
  }
}
