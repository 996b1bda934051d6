import { parseArgs } from 'node:util';
import { type MikroORM, RequestContext } from '@mikro-orm/core';
import { type CliCommand, COMMANDS, type CommandContext } from './cli-commands';
import { CliError, describeError, usageError } from './cli-errors';

export interface CliResult {
  code: number;
  stdout: string[];
  stderr: string[];
}

export interface ParsedCommand {
  command: CliCommand;
  args: string[];
  options: Record<string, string | undefined>;
}

const HELP = new Set(['help', '--help', '-h']);

function usageOf(command: CliCommand): string[] {
  const options = Object.entries(command.options).map(
    ([name, option]) => `    ${option.short ? `-${option.short}, ` : ''}--${name} ${option.value}  ${option.description}`,
  );
  return [`  ${[command.name, ...command.arguments].join(' ')}`, `    ${command.summary}`, ...options];
}

/** The list of commands, or one command's usage. */
export function helpText(name?: string): string[] {
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command) return ['Usage: npm run cli -- ' + [command.name, ...command.arguments].join(' ') + ' [options]', ...usageOf(command)];
  return [
    'Usage: npm run cli -- <command> [arguments] [options]   (in a container: node dist/src/cli/cli.js <command> ...)',
    'Manages the organizations, users and API keys of the configured database (DATABASE_URL, else the embedded one).',
    '',
    ...COMMANDS.flatMap(usageOf),
  ];
}

/** Checks the command line before any database is opened; throws a usage error naming the problem. */
export function parseCommand(argv: string[]): ParsedCommand {
  const [name, ...rest] = argv;
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) throw usageError(`Unknown command ${JSON.stringify(name)}; \`npm run cli -- help\` lists the commands`);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    const options = Object.fromEntries(
      Object.entries(command.options).map(([key, option]) => [
        key,
        { type: 'string' as const, ...(option.short ? { short: option.short } : {}) },
      ]),
    );
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(`${command.name}: ${(error as Error).message.split('\n')[0]}`);
  }
  const required = command.arguments.filter((argument) => argument.startsWith('<'));
  if (parsed.positionals.length < required.length) throw usageError(`${command.name}: missing ${required[parsed.positionals.length]}`);
  if (parsed.positionals.length > command.arguments.length)
    throw usageError(`${command.name}: unexpected argument ${JSON.stringify(parsed.positionals[command.arguments.length])}`);
  return { command, args: parsed.positionals, options: parsed.values as Record<string, string | undefined> };
}

/** Parses the command line and checks its inputs, opening no database; throws what is wrong. */
export async function checkCommandLine(argv: string[], env: CommandContext['env']): Promise<ParsedCommand> {
  const parsed = parseCommand(argv);
  await parsed.command.check?.(parsed.args, parsed.options, env);
  return parsed;
}

/**
 * Runs one command line in a unit of work (all of its writes or none; a streaming read in none) and returns what it prints:
 * never throws, an error is one line on stderr with exit code 1 (2 for a usage error).
 */
export async function runCommandLine(orm: MikroORM, context: CommandContext, argv: string[]): Promise<CliResult> {
  if (argv.length === 0 || HELP.has(argv[0])) return { code: 0, stdout: helpText(argv[1]), stderr: [] };
  try {
    const { command, args, options } = await checkCommandLine(argv, context.env);
    const run = () => command.run(context, args, options);
    const stdout = await RequestContext.create(orm.em, () => (command.streams ? run() : orm.em.transactional(run)));
    return { code: 0, stdout, stderr: [] };
  } catch (error) {
    return { code: error instanceof CliError ? error.exitCode : 1, stdout: [], stderr: [describeError(error)] };
  }
}
