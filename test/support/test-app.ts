import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/app-config';
import { type TestDatabase, createTestDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  /** supertest bound to the listening app. */
  http: ReturnType<typeof request>;
  database: TestDatabase;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Extra environment variables (validated like the real ones). */
  env?: Record<string, string>;
  /** Reuse a database (not dropped on close); a fresh one otherwise. */
  database?: TestDatabase;
  logDestination?: DestinationStream;
}

/** The real application, on the suite's database, listening on a free local port. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_LOGIN_PER_MINUTE: '0', ...database.env, ...options.env });
  const app = await createApp(config, { logDestination: options.logDestination });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    baseUrl,
    http: request(baseUrl),
    database,
    close: async () => {
      await app.close();
      if (!options.database) await database.drop();
    },
  };
}
