import type { OpenAPIObject } from '@nestjs/swagger';
import { generateOpenApiDocument } from '../../src/openapi/offline-document';
import { readVendor } from './openapi-helpers';

type Operation = Record<string, any>;

const schemaName = (schema: Record<string, any> | undefined): string | undefined =>
  schema?.$ref?.replace('#/components/schemas/', '') ??
  (schema?.type === 'array' ? `array of ${schemaName(schema.items) ?? schema.items?.type}` : schema?.type);

const bodySchema = (operation: Operation) => schemaName(Object.values<any>(operation.requestBody?.content ?? {})[0]?.schema);
const okSchema = (operation: Operation) => schemaName(operation.responses?.['200']?.content?.['application/json']?.schema);
const contentTypes = (operation: Operation) => Object.keys(operation.requestBody?.content ?? {});

/** Every Galileo operation carries Galileo's operationId, summary, tags, security and schema names (contract §6). */
describe('contract: Galileo operations', () => {
  const vendored = JSON.parse(readVendor('galileo-openapi.json'));
  let generated: OpenAPIObject;

  beforeAll(async () => {
    generated = await generateOpenApiDocument();
  });

  const operations: [string, string, Operation][] = Object.entries<Record<string, Operation>>(vendored.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => [path, method, operation] as [string, string, Operation]),
  );

  it('covers all of them', () => {
    expect(operations).toHaveLength(19);
  });

  it.each(operations)('%s %s', (path, method, expected) => {
    const actual = (generated.paths[path] as Record<string, Operation> | undefined)?.[method];
    expect(actual).toBeDefined();
    expect({
      operationId: actual!.operationId,
      summary: actual!.summary,
      tags: actual!.tags,
      security: actual!.security ?? null,
      body: bodySchema(actual!),
      contentTypes: contentTypes(actual!),
      ok: okSchema(actual!),
      validationError: actual!.responses['422'] ? schemaName(actual!.responses['422'].content['application/json'].schema) : null,
      parameters: (actual!.parameters ?? []).map((parameter: Operation) => `${parameter.in}:${parameter.name}`).sort(),
    }).toEqual({
      operationId: expected.operationId,
      summary: expected.summary,
      tags: expected.tags,
      security: expected.security ?? null,
      body: bodySchema(expected),
      contentTypes: contentTypes(expected),
      ok: okSchema(expected),
      validationError: expected.responses['422'] ? 'HTTPValidationError' : null,
      parameters: (expected.parameters ?? []).map((parameter: Operation) => `${parameter.in}:${parameter.name}`).sort(),
    });
  });

  it('titles every Galileo schema after its name, as pydantic does', () => {
    for (const name of [
      'ScorerResponse',
      'CreateScorerRequest',
      'BaseScorerVersionResponse',
      'ListScorersRequest',
      'Token',
      'CreateApiKeyResponse',
    ]) {
      expect(generated.components!.schemas![name]).toMatchObject({ title: name, type: 'object' });
    }
  });
});
