import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type TestApp, startTestApp } from '../support/test-app';
import { dialectViolation, familyOf } from './support/dialects';
import { recordFigures } from './support/figures';
import { type Owned, createOwned, ownedIds } from './support/fixtures';
import { type Operation, operationsOf } from './support/fuzz-requests';
import { SQL_PAYLOADS } from './support/hostile-values';
import { type HttpResult, keepAlive, send } from './support/http';
import { query } from './support/services';

const DOCUMENT = JSON.parse(readFileSync(join(__dirname, '..', '..', 'openapi.json'), 'utf8'));
const OPERATIONS = operationsOf(DOCUMENT).filter((operation) => operation.authenticated && operation.method !== 'delete');
const SCORE_FILTERS = [
  'evaluator_id',
  'evaluator_slug',
  'log_id',
  'dataset_id',
  'environment',
  'scorer',
  'type',
  'is_passed',
  'created_at',
  'numerical_value',
];
const GALILEO_FILTERS = ['name', 'scorer_type', 'model_type', 'tags', 'creator', 'created_at', 'updated_at', 'id'];
const OPERATORS = [
  '',
  'in',
  'not',
  'icontains',
  'startswith',
  'gt',
  'gte',
  'lt',
  'lte',
  'empty',
  'not_empty',
  'eq',
  'ne',
  'contains',
  'one_of',
  'not_in',
];
const agent = keepAlive(8);

/**
 * Organization B attacks organization A: SQL in every filter, sort key and id, and A's ids in every path
 * and body reference. Every answer must be a 2xx holding only B's data, or a 4xx in the dialect — never
 * a 5xx, never a byte of A's data; afterwards A's rows are all there, unchanged.
 */
describe('injection and tenancy under attack', () => {
  let t: TestApp;
  let a: Owned;
  let b: Owned;
  let fingerprints: string[];
  let before: Record<string, unknown>[];
  let requests = 0;
  const statuses: Record<string, number> = {};

  const snapshot = () =>
    query(
      t.database.url as string,
      `select 'scores' as t, count(*)::int as n, md5(string_agg(s::text, '' order by s.id)) as h from scores s where organization_id = $1
       union all select 'revisions', count(*)::int, md5(string_agg(r::text, '' order by r.id)) from score_revisions r where organization_id = $1
       union all select 'scorers', count(*)::int, md5(string_agg(c::text, '' order by c.id)) from scorers c where organization_id = $1
       union all select 'health', count(*)::int, md5(string_agg(h::text, '' order by h.id)) from health_scores h where organization_id = $1
       union all select 'keys', count(*)::int, md5(string_agg(k.id::text || coalesce(k.revoked_at::text, ''), '' order by k.id)) from api_keys k where organization_id = $1`,
      [a.tenant.organizationId],
    );

  beforeAll(async () => {
    t = await startTestApp();
    a = await createOwned(t, 'victim');
    b = await createOwned(t, 'attacker');
    fingerprints = [
      a.scorerId,
      ...a.evaluators.map((e) => e.id),
      ...a.evaluators.map((e) => e.slug),
      ...a.scoreIds,
      a.logId,
      a.logScoreId,
      a.tenant.userId,
      a.tenant.email,
      'victim scorer',
    ];
    before = await snapshot();
  });
  afterAll(async () => {
    recordFigures('injection', 'organization B against organization A', { requests, statuses, sqlPayloads: SQL_PAYLOADS.length });
    agent.destroy();
    await t?.close();
  });

  /** B's request; checks the answer and returns it. */
  async function attack(method: string, path: string, body?: unknown, allowed: number[] = [200, 201, 400, 404, 422]): Promise<HttpResult> {
    requests++;
    const headers = familyOf(path) === 'respan' ? b.tenant.bearerKey : b.tenant.galileoKey;
    const res = await send(t.baseUrl, { method, path, headers, body, agent, timeoutMs: 30_000 });
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    const where = `${method} ${path} ${JSON.stringify(body ?? '').slice(0, 200)} → ${res.status} ${res.text.slice(0, 300)}`;
    if (!allowed.includes(res.status)) throw new Error(`unexpected answer: ${where}`);
    const violation = dialectViolation(familyOf(path), res);
    if (violation) throw new Error(`${violation}: ${where}`);
    const sent = path + JSON.stringify(body ?? '');
    for (const fingerprint of fingerprints)
      if (!sent.includes(fingerprint) && res.text.includes(fingerprint)) throw new Error(`A's data leaked: ${where}`);
    return res;
  }

  it('SQL in every score filter of the query string', async () => {
    const parameters = DOCUMENT.paths['/api/scores/'].get.parameters
      .map((p: { name: string }) => p.name)
      .filter((name: string) => !['page', 'page_size'].includes(name));
    for (const base of ['/api/scores/', `/api/logs/${encodeURIComponent(b.logId)}/scores/`]) {
      for (const name of parameters) {
        for (const payload of SQL_PAYLOADS)
          await attack('GET', `${base}?${new URLSearchParams({ [name]: payload })}`, undefined, [200, 400]);
      }
    }
  });

  it('SQL in every field and operator of the score filter body', async () => {
    for (const field of SCORE_FILTERS) {
      for (const operator of OPERATORS) {
        for (const payload of SQL_PAYLOADS) {
          await attack('POST', '/api/scores/list/', { filters: { [field]: { operator, value: payload } } }, [200, 400]);
          await attack('POST', '/api/scores/list/', { filters: { [field]: { operator, value: [payload, 'x'] } } }, [200, 400]);
        }
      }
      await attack('POST', '/api/scores/list/', { filters: { [`${field}; drop table scores`]: { operator: '', value: 'x' } } }, [400]);
    }
  });

  it('SQL and unknown fields as sort_by are a 400', async () => {
    for (const sortBy of [...SQL_PAYLOADS, 'evaluator_name', 'organization_id', 'id', '--created_at', 'created_at desc', 'inputs']) {
      await attack('GET', `/api/scores/?${new URLSearchParams({ sort_by: sortBy })}`, undefined, [400]);
      await attack('POST', `/api/scores/list/?${new URLSearchParams({ sort_by: sortBy })}`, {}, [400]);
    }
  });

  it('SQL in every Galileo scorer filter and sort', async () => {
    for (const name of GALILEO_FILTERS) {
      for (const operator of ['eq', 'ne', 'contains', 'one_of', 'not_in', 'gt', 'lte', "eq'; --"]) {
        for (const payload of SQL_PAYLOADS) {
          await attack('POST', '/v2/scorers/list', { filters: [{ name, operator, value: payload }] }, [200, 422]);
          await attack('POST', '/v2/scorers/list', { filters: [{ name, operator, value: [payload] }] }, [200, 422]);
        }
      }
    }
    for (const payload of SQL_PAYLOADS) {
      await attack('POST', '/v2/scorers/list', { sort: { name: payload, ascending: true } }, [422]);
      await attack('POST', '/v2/scorers/list', { sort: { name: 'name', ascending: payload } }, [422]);
    }
  });

  it.each(
    OPERATIONS.filter((o) => o.parameters.some((p) => p.in === 'path')).map((o) => [`${o.method.toUpperCase()} ${o.template}`, o] as const),
  )('SQL and A’s ids in every path parameter of %s', async (_name, operation: Operation) => {
    const pathParameters = operation.parameters.filter((p) => p.in === 'path').map((p) => p.name);
    const body = operation.body ? {} : undefined;
    // A log id is free text: a log's score list is a (then empty) collection for any of them. A run id
    // names a log stream or an experiment of the caller's project: B's run of A's id has no scorers.
    const freeCollection = operation.method === 'get' && operation.template.endsWith('/scores/');
    const runSettings = operation.method === 'get' && operation.template.endsWith('/runs/{run_id}/scorer-settings');
    for (const name of pathParameters) {
      const allowed = freeCollection ? [200] : runSettings && name === 'run_id' ? [200, 422] : [400, 404, 422];
      const fill = (value: string) =>
        operation.template.replace(/\{(\w+)\}/g, (_, param: string) =>
          encodeURIComponent(param === name ? value : ownedIds(b, operation.template, param)[0]),
        );
      for (const payload of SQL_PAYLOADS) await attack(operation.method.toUpperCase(), fill(payload), body, allowed);
      for (const id of ownedIds(a, operation.template, name)) {
        if (name === 'version_number') continue;
        const res = await attack(operation.method.toUpperCase(), fill(id), body, allowed);
        if (res.status === 200 && runSettings) expect(res.body.scorers).toEqual([]);
        else if (res.status === 200) expect(res.body.count).toBe(0);
      }
    }
  });

  it('A’s ids and SQL in every body reference', async () => {
    const evaluatorOfA = a.evaluators[0];
    for (const reference of [evaluatorOfA.id, ...SQL_PAYLOADS]) {
      const score = { evaluator_id: reference, log_id: 'attack-log', numerical_value: 1 };
      await attack('POST', '/api/scores/', score, [400]);
      await attack('PUT', `/api/scores/${b.scoreIds[0]}/`, score, [400]);
      await attack('POST', `/api/logs/${encodeURIComponent(b.logId)}/scores/`, score, [400]);
      await attack('PUT', `/api/logs/${encodeURIComponent(b.logId)}/scores/${b.logScoreId}/`, score, [400]);
      await attack('PATCH', `/v2/scorers/${b.scorerId}`, { default_version_id: reference }, [404, 422]);
      await attack('GET', `/api/scores/?${new URLSearchParams({ evaluator_id: reference })}`, undefined, [200, 400]);
      await attack('POST', '/v2/scorers/list', { filters: [{ name: 'id', operator: 'eq', value: reference }] }, [200, 422]);
    }
    // A's evaluator slug names a custom evaluator in B's organization: allowed, and A's evaluator stays out of it.
    const custom = await attack(
      'POST',
      '/api/scores/',
      { evaluator_slug: evaluatorOfA.slug, log_id: 'attack-slug', numerical_value: 1 },
      [201],
    );
    expect(custom.body).toMatchObject({ evaluator_id: null, type: 'human', evaluator: null });
  });

  it("leaves organization A's data exactly as it was, and every table in place", async () => {
    expect(await snapshot()).toEqual(before);
    for (const id of a.scoreIds)
      expect((await send(t.baseUrl, { method: 'GET', path: `/api/scores/${id}/`, headers: a.tenant.bearerKey })).status).toBe(200);
  });
});
