import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { RequestValidationPipe } from '../common/pipes/request-validation.pipe';
import { checkId } from '../identity/identity-rules';
import { ScoreExportQuery } from '../scores/export/dto/score-export.dto';
import { QUERY_FILTERS } from '../scores/filters/score-filter.fields';
import { queryConditions } from '../scores/filters/score-filter.parser';
import type { CliCommand, CommandOption } from './cli-command.types';
import { optionOf, usageError } from './cli-errors';

const FILTER_OPTIONS: Record<string, CommandOption> = Object.fromEntries(
  Object.keys(QUERY_FILTERS).map((parameter) => [optionOf(parameter), { value: '<value>', description: `the list filter ${parameter}` }]),
);

const validation = new RequestValidationPipe();

/** The options as `GET /api/scores/export/` would take them, checked by the same rules. */
async function exportQuery(options: Record<string, string | undefined>): Promise<ScoreExportQuery> {
  const query: Record<string, string> = {};
  for (const parameter of ['format', ...Object.keys(QUERY_FILTERS)]) {
    const value = options[optionOf(parameter)];
    if (value !== undefined) query[parameter] = value;
  }
  return (await validation.transform(query, { type: 'query', metatype: ScoreExportQuery })) as ScoreExportQuery;
}

function organizationOf(options: Record<string, string | undefined>): string {
  if (options.organization === undefined) throw usageError('scores:export: --organization is required');
  checkId('organization', options.organization);
  return options.organization;
}

/**
 * `scores:export <file>`: the export of `GET /api/scores/export/` written to a file, streamed (the file
 * is written as the pages are read) with a progress bar whose total is the list's count. The file
 * appears under its name only once complete; a failure leaves none.
 */
export const SCORE_EXPORT_COMMAND: CliCommand = {
  name: 'scores:export',
  arguments: ['<file>'],
  summary: "Write an organization's scores (matching the filters, oldest first) to a file, as NDJSON or CSV",
  options: {
    organization: { short: 'o', value: '<id>', description: 'the organization whose scores are exported (required)' },
    format: { short: 'f', value: 'ndjson|csv', description: 'the file format (default: ndjson)' },
    ...FILTER_OPTIONS,
  },
  streams: true,
  check: async (_args, options) => {
    organizationOf(options);
    await exportQuery(options);
  },
  run: async ({ scoreExports, progress, cwd }, [file], options) => {
    const query = await exportQuery(options);
    const scope = { organizationId: organizationOf(options), conditions: queryConditions(query) };
    const path = resolve(cwd, file);
    const partial = `${path}.partial`;
    let written = 0;
    progress.start(await scoreExports.count(scope));
    try {
      const { body } = await scoreExports.open(scope, query.format, (rows) => {
        written += rows;
        progress.advance(rows);
      });
      // eslint-disable-next-line security/detect-non-literal-fs-filename -- the operator's own file name
      await pipeline(body, createWriteStream(partial));
      // eslint-disable-next-line security/detect-non-literal-fs-filename -- the operator's own file name
      await rename(partial, path);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    } finally {
      progress.stop();
    }
    return [`exported=${written}`, `file=${path}`];
  },
};
