import { parse } from 'yaml';
import { generateOpenApiDocument } from '../../src/openapi/offline-document';
import { readVendor } from './openapi-helpers';

type Schema = Record<string, any>;
type Document = Schema;

/** A property as the contract compares it: type (null split off as nullability), format, items, enum, description. */
interface FlatField {
  type: string[];
  nullable: boolean;
  format?: string;
  items?: string;
  enum?: unknown[];
  description?: string;
}

interface FlatSchema {
  fields: Record<string, FlatField>;
  required: string[];
}

const resolve = (document: Document, schema: Schema): Schema =>
  schema.$ref ? resolve(document, document.components.schemas[schema.$ref.replace('#/components/schemas/', '')]) : schema;

function flatField(document: Document, raw: Schema): FlatField {
  const schema = resolve(document, raw);
  const alternatives: Schema[] = schema.anyOf ?? schema.oneOf ?? [schema];
  const types = alternatives.flatMap((alternative) => {
    const type = resolve(document, alternative).type;
    return Array.isArray(type) ? type : type === undefined ? [] : [type];
  });
  const items = alternatives.map((alternative) => resolve(document, alternative).items).find(Boolean);
  const values = schema.enum?.filter((value: unknown) => value !== null);
  return {
    type: types.filter((type) => type !== 'null').sort(),
    nullable: types.includes('null') || schema.nullable === true,
    ...(schema.format ? { format: schema.format } : {}),
    ...(items ? { items: resolve(document, items).type } : {}),
    ...(values ? { enum: values } : {}),
    ...(schema.description ? { description: schema.description } : {}),
  };
}

/** `$ref` and `allOf` resolved into one set of fields and one required list. */
function flatten(document: Document, raw: Schema): FlatSchema {
  const schema = resolve(document, raw);
  const parts = schema.allOf ? schema.allOf.map((part: Schema) => flatten(document, part)) : [];
  const fields: Record<string, FlatField> = Object.assign({}, ...parts.map((part: FlatSchema) => part.fields));
  for (const [name, property] of Object.entries<Schema>(schema.properties ?? {})) fields[name] = flatField(document, property);
  const required = [...new Set([...parts.flatMap((part: FlatSchema) => part.required), ...(schema.required ?? [])])].sort();
  return { fields, required };
}

const jsonSchemaOf = (body: Schema | undefined): Schema => body?.content?.['application/json']?.schema;

/** What the contract compares of an operation: everything but the operationId and tags (ours may differ for non-seed names). */
function operationShape(document: Document, operation: Schema) {
  return {
    summary: operation.summary,
    description: operation.description,
    parameters: (operation.parameters ?? []).map((raw: Schema) => {
      const parameter = raw.$ref ? document.components.parameters[raw.$ref.replace('#/components/parameters/', '')] : raw;
      return {
        name: parameter.name,
        in: parameter.in,
        required: parameter.required,
        description: parameter.description,
        schema: flatField(document, parameter.schema),
      };
    }),
    requestBody: {
      required: operation.requestBody.required,
      description: operation.requestBody.description,
      contentTypes: Object.keys(operation.requestBody.content),
      schema: flatten(document, jsonSchemaOf(operation.requestBody)),
    },
    responses: Object.keys(operation.responses).sort(),
    okDescription: operation.responses['200'].description,
    ok: flatten(document, jsonSchemaOf(operation.responses['200'])),
    security: operation.security,
  };
}

const resolvedResponse = (document: Document, response: Schema): Schema =>
  response.$ref ? document.components.responses[response.$ref.replace('#/components/responses/', '')] : response;

const refName = (schema: Schema | undefined): string | undefined => schema?.$ref?.replace('#/components/schemas/', '');

describe('contract: Respan scores (seeds 001 and 002, respan-openapi.yaml)', () => {
  const vendored: Document = parse(readVendor('respan-openapi.yaml'));
  let generated: Document;

  beforeAll(async () => {
    generated = (await generateOpenApiDocument()) as Document;
  });

  describe.each([
    ['put', 'ReplaceScoreRequest', 'respan-seed-001-replace-score.txt'],
    ['patch', 'UpdateScoreRequest', 'respan-seed-002-update-score.txt'],
  ])('%s /api/scores/{id}/', (method, requestSchema, seedFile) => {
    const expected = () => vendored.paths['/api/scores/{id}/'][method];
    const actual = (): Schema => generated.paths['/api/scores/{id}/'][method];

    it('matches the vendored operation: summary, description, parameters, body, responses, security', () => {
      const shape = operationShape(vendored, expected());
      expect(Object.keys(shape.requestBody.schema.fields)).toHaveLength(method === 'put' ? 15 : 5);
      expect(Object.keys(shape.ok.fields)).toHaveLength(24);
      expect(operationShape(generated, actual())).toEqual(shape);
    });

    it('documents each error response as the vendor does', () => {
      for (const status of ['400', '401', '404']) {
        expect(actual().responses[status].description).toBe(resolvedResponse(vendored, expected().responses[status]).description);
      }
    });

    it(`names its schemas ${requestSchema} and Score`, () => {
      expect(refName(jsonSchemaOf(actual().requestBody))).toBe(requestSchema);
      expect(refName(jsonSchemaOf(actual().responses['200']))).toBe('Score');
    });

    it('keeps the operationId and tag of the vendored operation', () => {
      expect({ operationId: actual().operationId, tags: actual().tags }).toEqual({
        operationId: expected().operationId,
        tags: expected().tags,
      });
    });

    it('carries the seed text: its summary and every field description', () => {
      const seed = readVendor(seedFile).replace(/\s+/g, ' ');
      const operation = operationShape(generated, actual());
      expect(seed).toContain(operation.summary);
      expect(seed).toContain(operation.description);
      const descriptions = [...Object.values(operation.requestBody.schema.fields), ...Object.values(operation.ok.fields)]
        .map((field) => field.description)
        .filter((description): description is string => description !== undefined);
      for (const description of descriptions) expect(seed).toContain(description);
    });
  });

  it('declares the two bearer schemes of the vendored document', () => {
    for (const [name, scheme] of Object.entries<Schema>(vendored.components.securitySchemes)) {
      expect({ [name]: generated.components!.securitySchemes![name] }).toEqual({ [name]: scheme });
    }
  });

  it('names the list schema PaginatedScores, with its results the Score schema', () => {
    const list = generated.paths['/api/scores/'].get!;
    expect(refName(jsonSchemaOf(list.responses['200'] as Schema))).toBe('PaginatedScores');
    const flat = flatten(generated, { $ref: '#/components/schemas/PaginatedScores' });
    expect(Object.keys(flat.fields).sort()).toEqual(
      Object.keys(flatten(vendored, { $ref: '#/components/schemas/PaginatedScores' }).fields).sort(),
    );
    expect(flat.required).toEqual(['count', 'next', 'previous', 'results']);
  });

  describe('the other vendored operations', () => {
    const operations = (): [string, string, Schema][] =>
      Object.entries<Record<string, Schema>>(vendored.paths).flatMap(([path, item]) =>
        Object.entries(item)
          .filter(([method]) => !['put', 'patch'].includes(method))
          .map(([method, operation]) => [path, method, operation] as [string, string, Schema]),
      );

    it('are all generated with the vendor operationId, summary, tags and security, and at least its responses', () => {
      expect(operations()).toHaveLength(7);
      for (const [path, method, operation] of operations()) {
        const mine = generated.paths[path]?.[method as 'get'] as Schema | undefined;
        expect({ path, method, found: Boolean(mine) }).toEqual({ path, method, found: true });
        expect({
          path,
          method,
          operationId: mine!.operationId,
          summary: mine!.summary,
          tags: mine!.tags,
          security: mine!.security,
        }).toEqual({
          path,
          method,
          operationId: operation.operationId,
          summary: operation.summary,
          tags: operation.tags,
          security: operation.security,
        });
        expect(Object.keys(mine!.responses)).toEqual(expect.arrayContaining(Object.keys(operation.responses)));
      }
    });

    it('accept on create every field of ReplaceScoreRequest', () => {
      for (const path of ['/api/scores/', '/api/logs/{log_id}/scores/']) {
        const create = flatten(generated, jsonSchemaOf(generated.paths[path].post!.requestBody as Schema));
        const replace = flatten(vendored, { $ref: '#/components/schemas/ReplaceScoreRequest' });
        for (const [name, field] of Object.entries(replace.fields)) expect({ [name]: create.fields[name] }).toEqual({ [name]: field });
      }
    });
  });
});
