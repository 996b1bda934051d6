import { randomBytes } from 'node:crypto';
import { type ServerProcess, spawnServer } from '../../support/server-process';
import { send } from './http';
import type { LoadFixture } from './write-load';

export const ADMIN = { email: 'reliability@example.test', password: 'reliability password' };

/** The environment of a server process on `databaseUrl`, with an administrator and their key. */
export function serverEnv(databaseUrl: string | undefined, apiKey: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    SCOREKEEPER_DATA_DIR: 'memory://',
    SCOREKEEPER_JWT_SECRET: 'reliability-tests-jwt-secret-0123456789abcdef',
    SCOREKEEPER_ADMIN_EMAIL: ADMIN.email,
    SCOREKEEPER_ADMIN_PASSWORD: ADMIN.password,
    SCOREKEEPER_ADMIN_API_KEY: apiKey,
    LOG_LEVEL: 'error',
    ...extra,
  };
}

export const newApiKey = (): string => `sk-reliability-${randomBytes(16).toString('hex')}`;

async function created(promise: ReturnType<typeof send>, what: string): Promise<any> {
  const res = await promise;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${res.text}`);
  return res.body;
}

/** What the write load needs, created through the server's API. */
export async function createLoadFixture(server: Pick<ServerProcess, 'baseUrl'>, apiKey: string): Promise<LoadFixture> {
  const headers = { 'Galileo-API-Key': apiKey };
  const scorer = await created(
    send(server.baseUrl, {
      method: 'POST',
      path: '/v2/scorers',
      headers,
      body: { name: `load ${randomBytes(3).toString('hex')}`, scorer_type: 'llm' },
    }),
    'scorer',
  );
  await created(send(server.baseUrl, { method: 'POST', path: `/v2/scorers/${scorer.id}/version/preset`, headers, body: {} }), 'version');
  const slug = `load_${randomBytes(4).toString('hex')}`;
  await created(
    send(server.baseUrl, {
      method: 'POST',
      path: '/api/evaluators/',
      headers: { Authorization: `Bearer ${apiKey}` },
      body: { name: slug, evaluator_slug: slug, type: 'llm', score_value_type: 'numerical' },
    }),
    'evaluator',
  );
  return { apiKey, scorerId: scorer.id, evaluatorSlug: slug };
}

export { spawnServer };

/** Stops a server with SIGTERM and waits for its exit code. */
export async function stopServer(server: ServerProcess): Promise<number | null> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
  return server.exited;
}
