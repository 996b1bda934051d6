import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { DOCS_BEARER_SCHEME, docsDocument } from '../../src/openapi/docs-document';
import { DOCS_TAGS, OPERATION_GUIDE } from '../../src/openapi/operation-guide';

const original = JSON.parse(readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8')) as OpenAPIObject;
const operations = (document: OpenAPIObject) =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, { operationId?: string; tags?: string[]; description?: string; security?: unknown[] }>).map(
      ([method, operation]) => ({ path, method, ...operation }),
    ),
  );

/** The copy of the API document that /docs shows (the committed openapi.json is the generated one). */
describe('the /docs document', () => {
  const docs = docsDocument(original);

  it('has a line of the operation guide for every operation (add one to src/openapi/operation-guide.ts)', () => {
    const missing = operations(original)
      .map((operation) => operation.operationId)
      .filter((id) => !id || !OPERATION_GUIDE[id]);
    expect(missing).toEqual([]);
  });

  it('lists every operation once, under its resource, with a one-sentence description first', () => {
    const names = DOCS_TAGS.map((tag) => tag.name);
    for (const operation of operations(docs)) {
      expect({ id: operation.operationId, tags: operation.tags }).toEqual({ id: operation.operationId, tags: [expect.any(String)] });
      expect(names).toContain(operation.tags![0]);
      const first = operation.description!.split('\n\n')[0];
      expect({ id: operation.operationId, first }).toEqual({ id: operation.operationId, first: expect.stringMatching(/^[A-Z][^.]*\S\.$/) });
    }
    const used = new Set(Object.values(OPERATION_GUIDE).map((guide) => guide.tag));
    expect(docs.tags!.map((tag) => tag.name)).toEqual(names.filter((name) => used.has(name)));
  });

  it('offers one bearer entry that authorizes every authenticated operation of both families', () => {
    for (const operation of operations(docs).filter((candidate) => candidate.security?.length)) {
      expect(operation.security![0]).toEqual({ [DOCS_BEARER_SCHEME]: [] });
    }
    expect(Object.keys(docs.components!.securitySchemes!)[0]).toBe(DOCS_BEARER_SCHEME);
  });

  it('leaves the generated document as it is', () => {
    expect(JSON.parse(readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8'))).toEqual(original);
    expect(operations(original).find((operation) => operation.operationId === 'create_v2_scorers_post')?.tags).toEqual([
      'data',
      'prompts',
      'rows',
    ]);
  });
});
