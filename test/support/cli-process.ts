import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const CLI = join(__dirname, '..', '..', 'dist', 'src', 'cli', 'cli.js');

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run cli -- <args>` on the built CLI, on the embedded database in `dataDir`, from `cwd`; never throws. */
export async function runCli(dataDir: string, args: string[], cwd?: string): Promise<CliOutcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      ...(cwd ? { cwd } : {}),
      env: { PATH: process.env.PATH ?? '', SCOREKEEPER_DATA_DIR: dataDir },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The `key=value` lines a CLI command prints, as an object. */
export const cliFields = (stdout: string): Record<string, string> =>
  Object.fromEntries(
    stdout
      .trim()
      .split('\n')
      .map((line) => line.split('=', 2)),
  ) as Record<string, string>;
