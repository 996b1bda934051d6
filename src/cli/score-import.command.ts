import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkEmail } from '../identity/identity-rules';
import type { CliCommand } from './cli-command.types';
import { CliError, usageError } from './cli-errors';
import { userByEmail } from './cli-users';
import { importScores } from './score-import';
import { importFormatOf } from './score-import-rows';

/** `scores:import <file> --user <email>`: a file of score creates through the batch path, batch by batch. */
export const SCORE_IMPORT_COMMAND: CliCommand = {
  name: 'scores:import',
  arguments: ['<file>'],
  summary:
    "Import scores from NDJSON (a create body per line) or CSV (the export's columns) through the batch path, as a user; " +
    'rows not created go to <file>.failed.ndjson with their errors; re-running the same file writes nothing twice',
  options: { user: { short: 'u', value: '<email>', description: 'the user the scores are written as (required)' } },
  streams: true,
  check: ([file], options) => {
    if (!importFormatOf(file)) throw usageError('scores:import: <file> must end in .ndjson, .jsonl or .csv');
    if (options.user === undefined) throw usageError('scores:import: --user <email> is required');
    checkEmail(options.user);
  },
  run: async (context, [file], options) => {
    const user = await userByEmail(context, options.user!);
    const path = resolve(context.cwd, file);
    // eslint-disable-next-line security/detect-non-literal-fs-filename -- the file the person running the CLI named
    if (!existsSync(path)) throw new CliError(`No file ${path}`);
    const writer = { organizationId: user.organizationId, actor: user.email };
    const summary = await importScores(path, context.scoreBatches(writer), context.progress);
    return [
      `rows=${summary.rows}`,
      `created=${summary.created}`,
      `failed=${summary.failed}`,
      ...(summary.failedRowsPath ? [`failed_rows=${summary.failedRowsPath}`] : []),
    ];
  },
};
