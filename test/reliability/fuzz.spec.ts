import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { generateOpenApiDocument } from '../../src/openapi/offline-document';
import type { TestApp } from '../support/test-app';
import { DATABASES, startOn } from './support/both-databases';
import { BUDGET, SEED } from './support/budget';
import { dialectViolation, familyOf } from './support/dialects';
import { type Owned, createOwned } from './support/fixtures';
import { recordFigures } from './support/figures';
import { type FuzzRequest, type Operation, operationsOf, requestsOf, tameScoreBody } from './support/fuzz-requests';
import { type HttpResult, failureOf, keepAlive, send } from './support/http';
import { type ReadBackContext, verifyReadBack } from './support/read-back';

const COMMITTED = JSON.parse(readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8'));
const OPERATIONS = operationsOf(COMMITTED);

describe.each(DATABASES)('fuzzing every operation of the OpenAPI document on %s', (database) => {
  const agent = keepAlive(4);
  let t: TestApp;
  let a: Owned;
  let b: Owned;
  let document: Record<string, any>;
  let ajv: Ajv2020;
  const statuses: Record<string, number> = {};
  let requests = 0;
  let readBacks = 0;

  beforeAll(async () => {
    t = await startOn(database, { DATABASE_TIMEOUT_MS: '10000' });
    a = await createOwned(t, 'fuzz_a');
    b = await createOwned(t, 'fuzz_b');
    document = (await generateOpenApiDocument()) as unknown as Record<string, any>;
    ajv = new Ajv2020({ strict: false, allErrors: false });
    addFormats(ajv);
    ajv.addFormat('uuid4', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    ajv.addSchema({ $id: 'doc', components: document.components }, 'doc');
    process.stdout.write(`fuzz seed ${SEED} on ${database}: replay one operation with RELIABILITY_SEED=${SEED} and -t '<operation>'\n`);
  });
  afterAll(async () => {
    recordFigures('fuzz', `every operation on ${database}`, {
      operations: OPERATIONS.length,
      requests,
      readBacks,
      statuses,
      serverErrors: Object.entries(statuses)
        .filter(([status]) => status.startsWith('5'))
        .reduce((sum, [, n]) => sum + n, 0),
    });
    agent.destroy();
    await t?.close();
  });

  it('fuzzes the operations of the generated document (the committed one lists the same)', () => {
    const listed = (doc: Record<string, any>) => operationsOf(doc).map((o) => `${o.method} ${o.template}`);
    expect(listed(document).sort()).toEqual(listed(COMMITTED).sort());
  });

  const call = async (request: Pick<FuzzRequest, 'method' | 'path' | 'headers' | 'body'>): Promise<HttpResult> => {
    try {
      return await send(t.baseUrl, { ...request, agent, timeoutMs: 30_000 });
    } catch (error) {
      throw new Error(`${request.method.toUpperCase()} ${request.path.slice(0, 200)}: no response (${failureOf(error)})`, { cause: error });
    }
  };

  const readBackContext = (): ReadBackContext => ({
    call,
    headersOf: (caller) => (caller === 'b' ? b.tenant.bearerKey : a.tenant.bearerKey),
    userOf: (caller) => (caller === 'b' ? b.tenant.userId : a.tenant.userId),
    schemas: document.components.schemas,
  });

  function schemaViolations(operation: Operation, res: HttpResult): string | null {
    const schema =
      document.paths[operation.template]?.[operation.method]?.responses?.[String(res.status)]?.content?.['application/json']?.schema;
    if (!schema || res.status >= 300) return null;
    const validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/')));
    return validate(res.body) ? null : ajv.errorsText(validate.errors);
  }

  it.each(OPERATIONS.map((operation, index) => [`${operation.method.toUpperCase()} ${operation.template}`, operation, index] as const))(
    '%s',
    async (_name, operation, index) => {
      const hints = operation.template.includes('/scores') ? tameScoreBody(a) : (body: any) => fc.constant(body);
      const property = fc.asyncProperty(requestsOf(operation, document.components.schemas, a, b, hints), async (request) => {
        requests++;
        const res = await call(request);
        const status = String(res.status);
        statuses[status] = (statuses[status] ?? 0) + 1;
        const where = `${request.method.toUpperCase()} ${request.path.slice(0, 300)} → ${res.status} ${res.text.slice(0, 500)}`;
        if (res.status >= 500) throw new Error(`server error: ${where}`);
        const violation = dialectViolation(familyOf(request.path), res) ?? schemaViolations(operation, res);
        if (violation) throw new Error(`${violation}: ${where}`);
        if (res.status >= 300) return;
        const { checked, problem } = await verifyReadBack(readBackContext(), operation, request, res);
        if (checked) readBacks++;
        if (problem) throw new Error(problem);
      });
      await fc.assert(property, { seed: SEED + index, numRuns: BUDGET.fuzzRunsPerOperation, endOnFailure: true });
    },
  );
});
