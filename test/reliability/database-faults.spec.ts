import type { ServerProcess } from '../support/server-process';
import { BUDGET, DATABASE_TIMEOUT_MS } from './support/budget';
import { dialectViolation } from './support/dialects';
import { recordFigures, saveOutput } from './support/figures';
import { send } from './support/http';
import { verify } from './support/ledger';
import { createLoadFixture, newApiKey, serverEnv, spawnServer, stopServer } from './support/server-fixture';
import { type FaultServer, faultServer } from './support/fault-server';
import { type OwnDatabase, createDatabase, terminateBackends, waitPostgresReady } from './support/services';
import { type LoadFixture, type LoadReport, WriteLoad } from './support/write-load';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Terminated backends, then backends frozen with SIGSTOP, then PostgreSQL stopped and started, all under
 * a write load, on a PostgreSQL server of the test's own (support/fault-server.ts): the machine's server
 * is never stopped. A request may wait for a connection, then for a statement: each bounded by
 * DATABASE_TIMEOUT_MS.
 */
const FAIL_FAST_MS = 2 * DATABASE_TIMEOUT_MS + 1000;
const RECOVERY_MS = 10_000;

describe('database faults under a write load (PostgreSQL)', () => {
  let database: OwnDatabase;
  let server: ServerProcess;
  let fixture: LoadFixture;
  let postgres: FaultServer;

  beforeAll(async () => {
    postgres = await faultServer();
    database = await createDatabase('faults', postgres.url);
    const apiKey = newApiKey();
    server = await spawnServer(
      serverEnv(database.url, apiKey, { DATABASE_TIMEOUT_MS: String(DATABASE_TIMEOUT_MS), DATABASE_POOL_MAX: '8', LOG_LEVEL: 'warn' }),
    );
    fixture = await createLoadFixture(server, apiKey);
  });
  afterAll(async () => {
    if (server) await stopServer(server);
    await database?.drop();
    await postgres?.remove();
  });

  /** Until the service answers ready and takes a write again; returns how long that took. */
  async function recovery(): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < 30_000) {
      const ready = await send(server.baseUrl, { method: 'GET', path: '/health/ready', timeoutMs: 5000 }).catch(() => null);
      if (ready?.status === 200) {
        const write = await send(server.baseUrl, {
          method: 'POST',
          path: '/api/evaluators/',
          headers: { Authorization: `Bearer ${fixture.apiKey}` },
          body: { name: 'probe', type: 'human', score_value_type: 'text' },
          timeoutMs: 5000,
        }).catch(() => null);
        if (write?.status === 201) return Date.now() - started;
      }
      await sleep(100);
    }
    saveOutput('database-faults', server.output());
    throw new Error('the service did not recover within 30 s (its log: test/artifacts/reliability/database-faults.log)');
  }

  /** PostgreSQL stopped for a while, then started: what the service answered meanwhile, and how soon it recovered. */
  async function outage(restart: NonNullable<FaultServer['restart']>, round: number) {
    let answered: { readyMs: number; writeMs: number };
    try {
      await restart.stop();
      await sleep(500);
      const ready = await send(server.baseUrl, { method: 'GET', path: '/health/ready', timeoutMs: FAIL_FAST_MS + 5000 });
      expect(ready.status).toBe(503);
      expect(ready.body.details.database.status).toBe('down');
      const write = await send(server.baseUrl, {
        method: 'POST',
        path: '/api/scores/',
        headers: { Authorization: `Bearer ${fixture.apiKey}` },
        body: { evaluator_slug: 'while_down', log_id: `down-${round}`, string_value: 'x' },
        timeoutMs: FAIL_FAST_MS + 5000,
      });
      expect(write.status).toBe(503);
      expect(dialectViolation('respan', write)).toBeNull();
      const galileo = await send(server.baseUrl, {
        method: 'GET',
        path: '/v2/scorers/tags',
        headers: { 'Galileo-API-Key': fixture.apiKey },
        timeoutMs: FAIL_FAST_MS + 5000,
      });
      expect(galileo.status).toBe(503);
      expect(dialectViolation('galileo', galileo)).toBeNull();
      answered = { readyMs: ready.ms, writeMs: Math.max(write.ms, galileo.ms) };
      await sleep(BUDGET.downMs);
    } finally {
      await restart.start();
      await waitPostgresReady(postgres.url);
    }
    const recoveryMs = await recovery();
    await sleep(1500);
    return { ...answered, recoveryMs };
  }

  it('fails fast with 503 while the database is gone or hung, recovers by itself, and loses no acknowledged write', async () => {
    const load = new WriteLoad({ targets: [server.baseUrl], fixture, workers: BUDGET.faultWriters, hangAfterMs: FAIL_FAST_MS + 5000 });
    let slowest503 = 0;
    load.onResult = (outcome, ms) => {
      if (outcome === '503') slowest503 = Math.max(slowest503, ms);
    };
    load.start();
    let terminated = 0;
    let frozen = 0;
    const recoveries: number[] = [];
    const outages: { readyMs: number; writeMs: number; recoveryMs: number }[] = [];
    let report: LoadReport;
    try {
      await sleep(2000);
      for (let round = 0; round < BUDGET.terminateRounds; round++) {
        terminated += await terminateBackends(postgres.url, database.name);
        recoveries.push(await recovery());
        await sleep(1000);
      }
      if (postgres.freeze) {
        frozen = await postgres.freeze(database.name, BUDGET.freezeMs);
        recoveries.push(await recovery());
        await sleep(1000);
      }
      const restart = postgres.restart;
      if (restart) for (let round = 0; round < BUDGET.restartRounds; round++) outages.push(await outage(restart, round));
      await sleep(1500);
    } finally {
      report = await load.stop();
    }
    const result = await verify(database.url, load.ledger);
    recordFigures('database-faults', 'terminate, stop and restart under load', {
      server: postgres.description,
      writers: BUDGET.faultWriters,
      requests: report.requests,
      acknowledgedWrites: result.checked,
      backendsTerminated: terminated,
      terminateRounds: BUDGET.terminateRounds,
      backendsFrozen: frozen,
      frozenMs: BUDGET.freezeMs,
      restarts: outages.length,
      downMsEach: BUDGET.downMs,
      slowest503Ms: slowest503,
      slowestRequestMs: report.slowestMs,
      recoveryAfterTerminateMs: Math.max(0, ...recoveries),
      recoveryAfterRestartMs: Math.max(0, ...outages.map((o) => o.recoveryMs)),
      outcomes: report.outcomes,
      lost: result.lost.length,
      halfWritten: result.halfWritten,
      idempotencyDuplicates: result.duplicated.length,
      ...(postgres.limitation ? { restartSkipped: postgres.limitation } : {}),
    });
    expect(report.violations).toEqual([]);
    expect(result.lost).toEqual([]);
    expect(result.halfWritten).toBe(0);
    expect(result.duplicated).toEqual([]);
    expect(report.outcomes['503'] ?? 0).toBeGreaterThan(0);
    expect(slowest503).toBeLessThan(FAIL_FAST_MS);
    for (const outage of outages) expect(outage.recoveryMs).toBeLessThan(RECOVERY_MS);
    expect(Math.max(0, ...recoveries)).toBeLessThan(RECOVERY_MS);
  });
});
