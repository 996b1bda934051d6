import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { LONG, SEED } from './budget';
import { FIGURES_DIR } from './figures';
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL, redisReachable } from './services';

/**
 * The reliability tests run against PostgreSQL: TEST_DATABASE_URL, or the local server. They run one
 * file at a time (they load the machine). The database-fault tests stop and freeze a server of their own
 * (support/fault-server.ts), never this one. Redis (TEST_REDIS_URL, or the local one) is optional.
 */
export default async function globalSetup(): Promise<void> {
  process.env.TEST_DB = 'postgres';
  process.env.TEST_DATABASE_URL ??= DEFAULT_DATABASE_URL;
  const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`The reliability tests need PostgreSQL at TEST_DATABASE_URL (${(error as Error).message})`, { cause: error });
  }
  const { rows } = await client.query<{ server_version: string }>('show server_version');
  await client.end();
  const redis = process.env.TEST_REDIS_URL ?? DEFAULT_REDIS_URL;
  if (await redisReachable(redis)) process.env.TEST_REDIS_URL = redis;
  rmSync(FIGURES_DIR, { recursive: true, force: true });
  process.stdout.write(
    `\nreliability (${LONG ? 'long' : 'bounded'}), seed ${SEED} (replay with RELIABILITY_SEED=${SEED}), ` +
      `PostgreSQL ${rows[0].server_version}, Redis ${process.env.TEST_REDIS_URL ?? 'not reachable'}\n`,
  );
}
