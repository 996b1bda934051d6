import { DOWN_BACKOFF_MS } from '../../src/database/replicas/replica';
import { ReplicaRouter } from '../../src/database/replicas/replica-router';
import { PgCluster } from '../support/pg-cluster';
import { createTenant } from '../support/tenants';
import { type TestApp, startTestApp } from '../support/test-app';
import type { TestDatabase } from '../support/test-database';
import { galileoFlow, respanFlow } from './dialect-flows';
import { statementsOf } from './support/statement-log';
import { ReadBook } from './read-book';
import { sdkFlow } from './sdk-flow';

/**
 * Two service instances on a primary and a streaming replica that applies each commit APPLY_DELAY_MS late
 * (`recovery_min_apply_delay`): every write is read back at once through the other instance, and none of
 * those reads may miss it, whether it waits for the replica or falls back to the primary.
 */
const APPLY_DELAY_MS = 300;
const DB = 'scorekeeper';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('read replicas keep read-your-writes across instances', () => {
  let cluster: PgCluster;
  let database: TestDatabase;
  const report: string[] = [];

  beforeAll(async () => {
    cluster = await PgCluster.start({ replicas: 1, applyDelayMs: APPLY_DELAY_MS, logStatements: true });
    await cluster.createDatabase(DB);
    const url = cluster.primary.url(DB);
    database = { kind: 'postgres', url, env: { DATABASE_URL: url, SCOREKEEPER_DATA_DIR: 'memory://' }, drop: async () => undefined };
  });

  afterAll(async () => {
    process.stdout.write(`\n${report.join('\n')}\n`);
    await cluster?.destroy();
  });

  async function twoInstances(maxWaitMs: number): Promise<[TestApp, TestApp]> {
    const env = {
      NODE_ENV: 'test',
      DATABASE_REPLICA_URLS: cluster.replicas[0].url(DB),
      DATABASE_REPLICA_MAX_WAIT_MS: String(maxWaitMs),
    };
    const first = await startTestApp({ database, env });
    return [first, await startTestApp({ database, env })];
  }

  async function bothDialects(a: TestApp, b: TestApp, book: ReadBook): Promise<void> {
    const tenant = await createTenant(a.app, 'replicas');
    for (const [writer, reader] of [
      [a, b],
      [b, a],
    ]) {
      await galileoFlow({ writer, reader }, tenant, book);
      await respanFlow({ writer, reader }, tenant, book);
      await sdkFlow({ writer, reader }, tenant, book);
    }
  }

  /** The routers' own counts agree with the responses' headers. */
  function routedCounts(...apps: TestApp[]): { replica: number; primary: number } {
    const counts = apps.map((t) => t.app.get(ReplicaRouter).readCounts());
    return { replica: counts.reduce((sum, c) => sum + c.replica, 0), primary: counts.reduce((sum, c) => sum + c.primary, 0) };
  }

  it('the replica lags by design: a committed row is missing there at first', async () => {
    const [a, b] = await twoInstances(0);
    try {
      const tenant = await createTenant(a.app, 'lag');
      const created = await a.http
        .post('/api/evaluators/')
        .set(tenant.bearerKey)
        .send({ name: 'lag', type: 'llm', evaluator_slug: 'lag', score_value_type: 'numerical' });
      expect(created.status).toBe(201);
      const onReplica = () =>
        cluster.replicas[0].query<{ n: number }>('select count(*)::int as n from scorers where id = $1', [created.body.id], DB);
      expect((await onReplica())[0].n).toBe(0);
      await sleep(APPLY_DELAY_MS * 3);
      expect((await onReplica())[0].n).toBe(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('reads that may wait for the replica see every write and are served by the replica', async () => {
    const [a, b] = await twoInstances(APPLY_DELAY_MS * 8);
    try {
      const book = new ReadBook();
      const before = statementsOf([cluster.replicas[0]]).length;
      await bothDialects(a, b, book);
      report.push(book.summary(`waiting up to ${APPLY_DELAY_MS * 8} ms, replica ${APPLY_DELAY_MS} ms behind`));
      await sleep(500);
      const onReplica = statementsOf([cluster.replicas[0]]).slice(before);
      const tableReads = onReplica.filter(({ sql }) =>
        /\bfrom\s+"?(scorers|scorer_versions|health_scores|scores|score_revisions|score_counts|projects|log_streams|run_scorers)\b/.test(
          sql,
        ),
      );
      report.push(`  the replica ran ${onReplica.length} statements for them, ${tableReads.length} of them reads of tenant tables`);
      expect(tableReads.length).toBeGreaterThanOrEqual(book.records.length);
      expect(onReplica.filter(({ sql }) => !/^\s*select\b/i.test(sql))).toEqual([]);
      expect(book.stale()).toEqual([]);
      expect(book.unrouted()).toEqual([]);
      expect(book.replicaFraction()).toBeGreaterThan(0.5);
      const counted = routedCounts(a, b);
      expect(counted.replica + counted.primary).toBeGreaterThanOrEqual(book.records.length);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('reads that cannot wait long enough go to the primary and see every write; quiet reads use the replica', async () => {
    const [a, b] = await twoInstances(20);
    try {
      const book = new ReadBook();
      await bothDialects(a, b, book);
      report.push(book.summary(`waiting up to 20 ms, replica ${APPLY_DELAY_MS} ms behind`));
      expect(book.stale()).toEqual([]);
      expect(book.unrouted()).toEqual([]);
      expect(book.bySource()['primary; lagging']).toBeGreaterThan(0);

      const tenant = await createTenant(a.app, 'quiet');
      // The first request of a key records its use (a write, at most once a minute): done before the pause.
      await a.http.get('/api/evaluators/').set(tenant.bearerKey).expect(200);
      await sleep(APPLY_DELAY_MS * 3);
      const quiet = new ReadBook();
      for (const t of [a, b, a, b]) {
        const res = await t.http.get('/api/evaluators/').set(tenant.bearerKey);
        quiet.check('respan: list evaluators, nothing written since', res, res.status === 200 && res.body.count === 0);
      }
      report.push(quiet.summary('quiet reads (no write for 3 × the replica delay)'));
      expect(quiet.stale()).toEqual([]);
      expect(quiet.bySource()).toEqual({ 'replica-1': 4 });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('a replica that is down sends reads to the primary, and /health/ready says so without failing', async () => {
    const [a, b] = await twoInstances(APPLY_DELAY_MS * 8);
    const [replica] = cluster.replicas;
    try {
      const tenant = await createTenant(a.app, 'down');
      await replica.stop('fast');
      const book = new ReadBook();
      await galileoFlow({ writer: a, reader: b }, tenant, book);
      report.push(book.summary('replica stopped'));
      expect(book.stale()).toEqual([]);
      expect(book.replicaFraction()).toBe(0);
      const health = await b.http.get('/health/ready');
      expect(health.status).toBe(200);
      expect(health.body.info.database).toMatchObject({ status: 'up', replicas: [{ name: 'replica-1', state: 'down' }] });

      await replica.start();
      await cluster.waitForReplicas();
      await sleep(DOWN_BACKOFF_MS + 100);
      const back = await b.http.get('/api/evaluators/').set(tenant.bearerKey);
      expect(back.headers['x-scorekeeper-read-source']).toBe('replica-1');
      const healthy = await b.http.get('/health/ready');
      expect(healthy.body.info.database.replicas).toEqual([{ name: 'replica-1', state: 'ready', bytesBehind: expect.any(Number) }]);
      expect(healthy.body.info.database.reads.replica).toBeGreaterThan(0);
    } finally {
      if (!replica.running) await replica.start();
      await Promise.all([a.close(), b.close()]);
    }
  });
});
