import type { Server } from 'node:net';
import { MikroORM } from '@mikro-orm/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { createApp } from './app.factory';
import { collectGarbageWhenIdle } from './common/memory/idle-garbage-collection';
import { type AppConfig, ConfigError, loadConfig } from './config/app-config';
import { DataDirLockedError } from './database/data-dir-lock';
import { AdministratorBootstrap } from './identity/administrator-bootstrap';

/** Stops accepting connections, lets requests in flight finish, closes the database, exits 0. */
function shutdownOn(signals: NodeJS.Signals[], close: () => Promise<void>, timeoutMs: number): void {
  let closing = false;
  for (const signal of signals) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      const timer = setTimeout(() => {
        process.stderr.write(`Shutdown did not finish within ${timeoutMs} ms; exiting.\n`);
        process.exit(1);
      }, timeoutMs);
      timer.unref();
      close().then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`Shutdown failed: ${String(error)}\n`);
          process.exit(1);
        },
      );
    });
  }
}

/** How a person here runs the CLI: through npm when the service was started with npm. */
const cliCommand = (): string => (process.env.npm_lifecycle_event ? 'npm run cli --' : 'node dist/src/cli/cli.js');

/**
 * On the embedded database, the CLI's commands run in this process (which holds the database). What
 * runs them is loaded with the first command: a server that is never sent one does not keep it.
 */
async function serveCli(app: NestFastifyApplication, config: AppConfig): Promise<Server | undefined> {
  if (config.database.kind !== 'pglite' || config.dataDir === 'memory://') return undefined;
  const orm: MikroORM = app.get(MikroORM, { strict: false });
  const { cliSocketPath, serveCommandLines } = await import('./cli/cli-socket.js');
  return serveCommandLines(cliSocketPath(config.dataDir), async (request, progress) => {
    const [{ runCommandLine }, { commandContextOf }] = await Promise.all([import('./cli/cli-runner.js'), import('./cli/cli.module.js')]);
    return runCommandLine(orm, commandContextOf(app, request.env, { cwd: request.cwd, progress }), request.argv);
  }).catch((error: unknown) => {
    app.get(Logger).warn(`The CLI cannot reach this server while it runs (${(error as Error).message})`);
    return undefined;
  });
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await createApp(config);
  const welcome = await app.get(AdministratorBootstrap, { strict: false }).firstStart(cliCommand());
  const cli = await serveCli(app, config);
  const stopCollecting = collectGarbageWhenIdle();
  shutdownOn(
    ['SIGTERM', 'SIGINT'],
    async () => {
      stopCollecting();
      cli?.close();
      await app.close();
    },
    config.shutdownTimeoutMs,
  );
  await app.listen({ port: config.port, host: config.host });
  app.get(Logger).log(`Scorekeeper listening on http://${config.host}:${config.port} (${config.database.kind})`);
  if (welcome) process.stderr.write(`${welcome}\n`);
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DataDirLockedError;
  process.stderr.write(known ? `${(error as Error).message}\n` : `Start-up failed: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
