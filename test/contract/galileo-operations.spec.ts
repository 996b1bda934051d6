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

/**
 * The routes Galileo's own SDKs call beyond the scorer family (contract §8), with the operationIds,
 * summaries, tags and schema names of `openapi-sdk-routes.json`. Like every Galileo route they are
 * listed under `/v2` (the vendor lists some at the root; both answer).
 */
describe('contract: Galileo SDK operations', () => {
  const vendored = JSON.parse(readVendor('galileo-openapi-sdk-routes.json'));
  let generated: OpenAPIObject;

  beforeAll(async () => {
    generated = await generateOpenApiDocument();
  });

  const operations: [string, string, Operation][] = Object.entries<Record<string, Operation>>(vendored.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => [path, method, operation] as [string, string, Operation]),
  );
  const canonical = (path: string) => (path.startsWith('/v2/') ? path : `/v2${path}`);

  it('covers all of them', () => {
    expect(operations).toHaveLength(14);
  });

  it.each(operations)('%s %s', (path, method, expected) => {
    const actual = (generated.paths[canonical(path)] as Record<string, Operation> | undefined)?.[method];
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

  it('declares every property and required key of the response schemas the SDKs parse', () => {
    const names = [
      'CurrentUserDB',
      'ProjectDB',
      'ProjectCreateResponse',
      'UserInfo',
      'LogStreamResponse',
      'ListLogStreamResponse',
      'RunScorerSettingsResponse',
      'ScorerConfig',
      'ValidateCodeScorerResponse',
      'RegisteredScorerTaskResultResponse',
      'ValidResult',
      'InvalidResult',
      'BaseGeneratedScorerDB',
      'GeneratedScorerResponse',
      'GeneratedScorerConfiguration',
    ];
    for (const name of names) {
      const ours = generated.components!.schemas![name] as Record<string, any>;
      const theirs = vendored.components.schemas[name];
      expect({
        name,
        title: ours.title,
        properties: Object.keys(ours.properties).sort(),
        required: [...(ours.required ?? [])].sort(),
      }).toEqual({
        name,
        title: name,
        properties: Object.keys(theirs.properties).sort(),
        required: [...(theirs.required ?? [])].sort(),
      });
    }
  });
});
