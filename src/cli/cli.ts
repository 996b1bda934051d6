import { CommandFactory } from 'nest-commander';
import { ConfigError, loadConfig } from '../config/app-config';
import { CliModule } from './cli.module';

/** `npm run cli -- <command>`: manage organizations, users and API keys on the configured database. */
async function main(): Promise<void> {
  const config = loadConfig(process.env);
  await CommandFactory.run(CliModule.forRoot(config), {
    logger: ['error', 'warn'],
    errorHandler: (error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    },
    serviceErrorHandler: (error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    },
  });
}

main().catch((error: unknown) => {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
