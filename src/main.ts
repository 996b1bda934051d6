import './compile-cache';
import { Logger } from 'nestjs-pino';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/app-config';
import { DataDirLockedError } from './database/data-dir-lock';

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

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const app = await createApp(config);
  shutdownOn(['SIGTERM', 'SIGINT'], () => app.close(), config.shutdownTimeoutMs);
  await app.listen({ port: config.port, host: config.host });
  app.get(Logger).log(`Scorekeeper listening on http://${config.host}:${config.port} (${config.database.kind})`);
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DataDirLockedError;
  process.stderr.write(known ? `${(error as Error).message}\n` : `Start-up failed: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
