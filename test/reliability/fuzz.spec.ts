import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { generateOpenApiDocument } from '../../src/openapi/offline-document';
import { type TestApp, startTestApp } from '../support/test-app';
import { BUDGET, SEED } from './support/budget';
import { dialectViolation, familyOf } from './support/dialects';
import { type Owned, createOwned } from './support/fixtures';
import { recordFigures } from './support/figures';
import { type FuzzRequest, type Operation, operationsOf, requestsOf, tameScoreBody } from './support/fuzz-requests';
import { type HttpResult, failureOf, keepAlive, send } from './support/http';
import { differences, readBackOf, withDefaults } from './support/read-back';

/** Fields a write does not store as sent, by design: computed by the server, or secrets. */
const SERVER_SIDE = ['is_passed', 'password'];
/** Galileo's API-key project fields: accepted, not modelled (src/identity/dto/api-key.dto.ts). */
const KEY_PROJECT_FIELDS = ['project_id', 'project_role'];

const COMMITTED = JSON.parse(readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8'));
const OPERATIONS = operationsOf(COMMITTED);
const agent = keepAlive(4);

describe('fuzzing every operation of the OpenAPI document', () => {
  let t: TestApp;
  let a: Owned;
  let b: Owned;
  let document: Record<string, any>;
  let ajv: Ajv2020;
  const statuses: Record<string, number> = {};
  let requests = 0;
  let readBacks = 0;

  beforeAll(async () => {
    t = await startTestApp({ env: { DATABASE_TIMEOUT_MS: '10000' } });
    a = await createOwned(t, 'fuzz_a');
    b = await createOwned(t, 'fuzz_b');
    document = (await generateOpenApiDocument()) as unknown as Record<string, any>;
    ajv = new Ajv2020({ strict: false, allErrors: false });
    addFormats(ajv);
    ajv.addFormat('uuid4', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    ajv.addSchema({ $id: 'doc', components: document.components }, 'doc');
    process.stdout.write(`fuzz seed ${SEED}: replay one operation with RELIABILITY_SEED=${SEED} and -t '<operation>'\n`);
  });
  afterAll(async () => {
    recordFigures('fuzz', 'every operation', {
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

  const resolve = (schema: Record<string, any> | undefined): Record<string, any> | undefined =>
    schema?.$ref ? document.components.schemas[schema.$ref.split('/').pop()] : schema;

  /**
   * The sent fields a read-back must show unchanged: those the request schema declares (others are
   * ignored, as DRF and pydantic do), less the documented exceptions: fields the document marks "not
   * modelled", server-side ones, a null that means "the default" on create or "unchanged" on a Galileo
   * PATCH, an empty `evaluator_id`, and on log-scoped routes `log_id` and `scorer` (the path and the
   * caller decide them).
   */
  function ignoredFor(operation: Operation, sent: unknown): Set<string> {
    const properties: Record<string, any> = resolve(operation.body?.schema)?.properties ?? {};
    const ignored = new Set<string>([...SERVER_SIDE, ...KEY_PROJECT_FIELDS]);
    if (sent && typeof sent === 'object') for (const key of Object.keys(sent)) if (!(key in properties)) ignored.add(key);
    for (const [key, property] of Object.entries(properties)) {
      const value = (sent as Record<string, unknown> | undefined)?.[key];
      if (/not modelled/i.test(property.description ?? '')) ignored.add(key);
      // A null for text documented with the default "" means "none", which reads back "" (contract §8).
      if (value === null && property.default === '') ignored.add(key);
      if (
        value === null &&
        (operation.method === 'patch' ? familyOf(operation.template) === 'galileo' : 'default' in property || key === 'id')
      )
        ignored.add(key);
    }
    if (operation.template.startsWith('/api/logs/')) ['log_id', 'scorer'].forEach((key) => ignored.add(key));
    // An empty evaluator_id names no evaluator (the slug does): it reads back null.
    if ((sent as Record<string, unknown> | undefined)?.evaluator_id === '') ignored.add('evaluator_id');
    return ignored;
  }

  const credentialsOf = (caller: FuzzRequest['caller']) => (caller === 'b' ? b.tenant.bearerKey : a.tenant.bearerKey);

  function schemaViolations(operation: Operation, res: HttpResult): string | null {
    const schema =
      document.paths[operation.template]?.[operation.method]?.responses?.[String(res.status)]?.content?.['application/json']?.schema;
    if (!schema || res.status >= 300) return null;
    const validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"doc#/components/')));
    return validate(res.body) ? null : ajv.errorsText(validate.errors);
  }

  async function checkReadBack(operation: Operation, request: FuzzRequest, res: HttpResult): Promise<void> {
    const readBack = readBackOf(operation.method, operation.template, request, res, (caller) =>
      caller === 'b' ? b.tenant.userId : a.tenant.userId,
    );
    if (!readBack) return;
    readBacks++;
    const read = await call({ method: 'get', path: readBack.path, headers: credentialsOf(request.caller) });
    if (readBack.gone) {
      const item = readBack.pick && read.status === 200 ? readBack.pick(read.body) : undefined;
      if (readBack.pick ? item !== undefined : read.status !== 404) throw new Error(`deleted, yet ${readBack.path} answers ${read.status}`);
      return;
    }
    if (read.status !== 200) throw new Error(`accepted, yet ${readBack.path} answers ${read.status} ${read.text.slice(0, 300)}`);
    const stored = readBack.pick ? readBack.pick(read.body) : read.body;
    if (stored === undefined) throw new Error(`accepted, yet missing from ${readBack.path}`);
    const sent = withDefaults(request.sent, operation.body?.schema, document.components.schemas);
    const diff = differences(sent, res.body, stored, ignoredFor(operation, request.sent));
    if (diff.length) throw new Error(`does not read back as sent:\n${diff.join('\n')}`);
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
        if (res.status < 300) await checkReadBack(operation, request, res);
      });
      await fc.assert(property, { seed: SEED + index, numRuns: BUDGET.fuzzRunsPerOperation, endOnFailure: true });
    },
  );
});
