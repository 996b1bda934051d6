import { randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/sql';
import { type Tenant, createTenant, withServices } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

const BOM = '\ufeff';

/**
 * A leading U+FEFF is text like any other (contract §10): stored, read back and matched exactly, on
 * PGlite (whose row decoder would strip it: src/database/pglite-leading-bom.ts) as on PostgreSQL.
 */
describe('a leading byte-order mark', () => {
  let t: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'bom');
  });
  afterAll(() => t.close());

  const query = <T extends object>(sql: string, params: unknown[] = []) =>
    withServices(t.app, () => t.app.get(EntityManager).execute<T[]>(sql, params));

  it('reads back from the database as written, in any field of a row, alone or repeated', async () => {
    const values = [`${BOM}z`, BOM, `${BOM}${BOM}x`, `a${BOM}`, 'plain', `${BOM}é😀`];
    const [row] = await query<Record<string, string | null>>(
      `select ${values.map((_, i) => `?::text as c${i}`).join(', ')}, null::text as empty, ''::text as blank`,
      values,
    );
    expect(Object.values(row)).toEqual([...values, null, '']);
  });

  it('reads back in every row of a result large enough to arrive in several chunks', async () => {
    const rows = await query<{ n: number; a: string; b: string; c: string }>(
      `select n, case when n % 2 = 0 then chr(65279) || n::text else n::text end as a,
              repeat('x', 200) as b, chr(65279) || repeat('y', n % 50) as c
       from generate_series(1, 5000) as n order by n`,
    );
    expect(rows).toHaveLength(5000);
    for (const { n, a, b, c } of rows) {
      expect(a).toBe(n % 2 === 0 ? `${BOM}${n}` : String(n));
      expect(b).toHaveLength(200);
      expect(c).toBe(`${BOM}${'y'.repeat(n % 50)}`);
    }
  });

  it('reads back after a failed query (the parser starts afresh)', async () => {
    await expect(query('select 1/0')).rejects.toThrow();
    const [row] = await query<{ v: string }>('select ?::text as v', [`${BOM}after`]);
    expect(row.v).toBe(`${BOM}after`);
  });

  it('in a scorer name, through both dialects', async () => {
    const name = `${BOM}z ${randomBytes(3).toString('hex')}`;
    const created = await t.http.post('/v2/scorers').set(tenant.galileoKey).send({ name, scorer_type: 'llm' });
    expect(created.status).toBe(200);
    expect(created.body.name).toBe(name);
    expect((await t.http.get(`/v2/scorers/${created.body.id}`).set(tenant.galileoKey)).body.name).toBe(name);
    expect((await t.http.get(`/api/evaluators/${created.body.id}/`).set(tenant.bearerKey)).body.name).toBe(name);
    const listed = await t.http
      .post('/v2/scorers/list')
      .set(tenant.galileoKey)
      .send({ filters: [{ name: 'name', value: name, operator: 'eq' }] });
    expect(listed.body.scorers.map((scorer: { id: string }) => scorer.id)).toEqual([created.body.id]);
  });

  it('in a score’s log_id and string_value, and a filter on the value read finds it', async () => {
    const logId = `${BOM}log-${randomBytes(3).toString('hex')}`;
    const created = await t.http
      .post('/api/scores/')
      .set(tenant.bearerKey)
      .send({ evaluator_slug: 'bom_note', log_id: logId, string_value: `${BOM}v` });
    expect(created.status).toBe(201);
    const read = await t.http.get(`/api/scores/${created.body.id}/`).set(tenant.bearerKey);
    expect({ log_id: read.body.log_id, string_value: read.body.string_value }).toEqual({ log_id: logId, string_value: `${BOM}v` });
    const byQuery = await t.http.get(`/api/scores/?log_id=${encodeURIComponent(read.body.log_id)}`).set(tenant.bearerKey);
    expect(byQuery.body.results.map((score: { id: string }) => score.id)).toEqual([created.body.id]);
    const byBody = await t.http
      .post('/api/scores/list/')
      .set(tenant.bearerKey)
      .send({ filters: { log_id: { operator: '', value: read.body.log_id } } });
    expect(byBody.body.results.map((score: { id: string }) => score.id)).toEqual([created.body.id]);
    const byPath = await t.http.get(`/api/logs/${encodeURIComponent(logId)}/scores/`).set(tenant.bearerKey);
    expect(byPath.status).toBe(200);
    expect(JSON.stringify(byPath.body)).toContain(created.body.id);
  });
});
