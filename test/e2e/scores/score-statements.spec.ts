import { MikroORM } from '@mikro-orm/core';
import { createEvaluator, postScore } from '../../support/scores';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

/** A score write is a handful of statements (the benchmark's raw baseline sends the same ones). */
describe('score write statements', () => {
  let t: TestApp;
  let tenant: Tenant;
  let statements: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'statements');
    const config = t.app.get(MikroORM).config;
    config.set('debug', ['query']);
    const logger = config.getLogger() as unknown as { log: (namespace: string, message: string) => void; isEnabled: () => boolean };
    logger.isEnabled = () => true;
    logger.log = (namespace, message) => {
      if (namespace === 'query') statements.push(message.split('\u001b')[0].trim());
    };
  });
  afterAll(() => t.close());

  /** The statements of one request but those of authentication. */
  async function statementsOf(request: () => PromiseLike<{ status: number }>): Promise<string[]> {
    statements = [];
    const res = await request();
    expect(res.status).toBeLessThan(300);
    return statements
      .filter((sql) => !/from "?(api_keys|users)\b|update "api_keys"/.test(sql))
      .map((sql) => sql.split(' ').slice(0, 4).join(' '));
  }

  it('create: evaluator lookup, then one statement inserting the score and its revision', async () => {
    const evaluator = await createEvaluator(t, tenant, { score_value_type: 'numerical' });
    const sql = await statementsOf(() => postScore(t, tenant, { evaluator_id: evaluator.id, numerical_value: 1 }));
    expect(sql).toEqual(['select * from scorers', 'with written as (insert']);
    expect(statements.at(-1)).toMatch(/^with written as \(insert into scores .* insert into score_revisions /);
  });

  it('PATCH: begin, lock the row (reading its evaluator), update with its revision, commit', async () => {
    const evaluator = await createEvaluator(t, tenant, { score_value_type: 'numerical' });
    const created = await postScore(t, tenant, { evaluator_id: evaluator.id, numerical_value: 1 });
    const sql = await statementsOf(() =>
      t.http.patch(`/api/scores/${created.body.id}/`).set(tenant.bearerKey).send({ numerical_value: 2 }),
    );
    expect(sql.filter((statement) => ['begin', 'commit'].includes(statement))).toEqual(['begin', 'commit']);
    expect(sql).toEqual(['begin', 'select s.*, to_jsonb(e) as', 'with written as (update', 'commit']);
    expect(statements.some((statement) => /from scores s\b.*for update of s/s.test(statement))).toBe(true);
  });
});
