import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUDGET } from './support/budget';
import { recordFigures } from './support/figures';
import { verify } from './support/ledger';
import { verifyOverHttp } from './support/ledger-http';
import { createLoadFixture, newApiKey, serverEnv, spawnServer, stopServer } from './support/server-fixture';
import { createDatabase } from './support/services';
import { WriteLoad } from './support/write-load';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SIGTERM during a 100-connection write load (PostgreSQL)', () => {
  it.each(Array.from({ length: BUDGET.shutdownRounds }, (_, i) => i + 1))(
    'round %i: every request completes with its write persisted or is refused before doing anything; exit 0',
    async (round) => {
      const database = await createDatabase('shutdown');
      const apiKey = newApiKey();
      const server = await spawnServer(serverEnv(database.url, apiKey, { DATABASE_POOL_MAX: '10' }));
      try {
        const fixture = await createLoadFixture(server, apiKey);
        const load = new WriteLoad({ targets: [server.baseUrl], fixture, workers: BUDGET.shutdownConnections, hangAfterMs: 30_000 });
        load.start();
        await sleep(2500);
        const signalled = Date.now();
        server.child.kill('SIGTERM');
        const code = await server.exited;
        const exitMs = Date.now() - signalled;
        const report = await load.stop();
        const result = await verify(database.url, load.ledger);
        recordFigures('shutdown', `SIGTERM round ${round}`, {
          connections: BUDGET.shutdownConnections,
          requests: report.requests,
          acknowledgedWrites: result.checked,
          refusedWrites: load.ledger.unacknowledged.length,
          exitCode: code ?? 'signal',
          exitMs,
          outcomes: report.outcomes,
          lost: result.lost.length,
          appliedButRefused: result.appliedUnacknowledged,
          halfWritten: result.halfWritten,
        });
        expect(code).toBe(0);
        expect(report.violations).toEqual([]);
        expect(result.lost).toEqual([]);
        expect(result.appliedUnacknowledged).toBe(0);
        expect(result.halfWritten).toBe(0);
        expect(result.checked).toBeGreaterThan(0);
      } finally {
        await stopServer(server);
        await database.drop();
      }
    },
  );
});

describe('SIGKILL during writes on the embedded database (PGlite)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'scorekeeper-reliability-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it.each(Array.from({ length: BUDGET.shutdownRounds }, (_, i) => i + 1))(
    'round %i: after a restart every acknowledged write is there; a second process on the data dir is refused',
    async (round) => {
      const apiKey = newApiKey();
      const env = serverEnv(undefined, apiKey, { SCOREKEEPER_DATA_DIR: dataDir });
      const first = await spawnServer(env);
      let fixture;
      let load: WriteLoad;
      try {
        fixture = await createLoadFixture(first, apiKey);
        load = new WriteLoad({ targets: [first.baseUrl], fixture, workers: 20, hangAfterMs: 30_000 });
        load.start();
        await sleep(2500);
        first.child.kill('SIGKILL');
        await first.exited;
      } finally {
        first.child.kill('SIGKILL');
      }
      const report = await load.stop();

      const restarted = await spawnServer(env);
      try {
        const second = await spawnServer(env, { waitReady: false });
        expect(await second.exited).toBe(1);
        expect(second.output()).toMatch(/is in use by another Scorekeeper process \(pid \d+\)/);

        const result = await verifyOverHttp(restarted.baseUrl, apiKey, fixture.scorerId, load.ledger);
        recordFigures('shutdown', `PGlite SIGKILL round ${round}`, {
          writers: 20,
          requests: report.requests,
          acknowledgedWrites: result.checked,
          outcomes: report.outcomes,
          lost: result.lost.length,
          halfWritten: result.halfWritten,
          secondProcessRefused: true,
        });
        expect(report.violations).toEqual([]);
        expect(result.lost).toEqual([]);
        expect(result.halfWritten).toBe(0);
        expect(result.checked).toBeGreaterThan(0);
      } finally {
        expect(await stopServer(restarted)).toBe(0);
      }
    },
  );
});
