import '../compile-cache';
import type { MikroORM } from '@mikro-orm/core';
import { loadConfig } from '../config/app-config';
import { CliError, describeError } from './cli-errors';
import { progressBar } from './cli-progress';
import { type CliResult, checkCommandLine, helpText, runCommandLine } from './cli-runner';
import { cliSocketPath, sendCommandLine } from './cli-socket';

/**
 * `npm run cli -- <command>`: manages organizations, users and API keys on the configured database.
 * While a server runs on the embedded database (which one process at a time may open), the command
 * runs in that server, through its socket. Every error is one line on stderr.
 */
async function run(argv: string[]): Promise<CliResult> {
  if (argv.length === 0 || ['help', '--help', '-h'].includes(argv[0])) return { code: 0, stdout: helpText(argv[1]), stderr: [] };
  const env = { SCOREKEEPER_USER_PASSWORD: process.env.SCOREKEEPER_USER_PASSWORD };
  await checkCommandLine(argv, env);
  const config = loadConfig(process.env);
  const progress = progressBar(argv[0]);
  if (config.database.kind === 'pglite' && config.dataDir !== 'memory://') {
    const answered = await sendCommandLine(cliSocketPath(config.dataDir), { argv, env, cwd: process.cwd() }, progress);
    if (answered) return answered;
  }
  // Loaded only now: help, usage errors and commands run by the server need none of it.
  const [{ NestFactory }, { MikroORM: Orm }, { CliModule, commandContextOf }] = await Promise.all([
    import('@nestjs/core'),
    import('@mikro-orm/core'),
    import('./cli.module.js'),
  ]);
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: false, abortOnError: false });
  try {
    return await runCommandLine(app.get<MikroORM>(Orm), commandContextOf(app, env, { cwd: process.cwd(), progress }), argv);
  } finally {
    await app.close();
  }
}

run(process.argv.slice(2)).then(
  (result) => {
    for (const line of result.stdout) process.stdout.write(`${line}\n`);
    for (const line of result.stderr) process.stderr.write(`${line}\n`);
    process.exitCode = result.code;
  },
  (error: unknown) => {
    process.stderr.write(`${describeError(error)}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  },
);
