import { HttpException } from '@nestjs/common';
import { RequestValidationException } from '../common/errors/api-exceptions';
import { ConfigError } from '../config/app-config';
import { DataDirLockedError } from '../database/data-dir-lock';
import { QUERY_FILTERS } from '../scores/filters/score-filter.fields';

/** A command that cannot be carried out, said in one line: exit code 2 for a command used wrongly, else 1. */
export class CliError extends Error {
  override name = 'CliError';

  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CliError(message, 2);

/** A query parameter as a command-line option: `numerical_value__gte` → `numerical-value-gte`. */
export const optionOf = (parameter: string): string => parameter.replace(/_+/g, '-');

/** How each input is named on the command line. */
const ARGUMENT_NAMES: Record<string, string> = {
  ...Object.fromEntries(['format', ...Object.keys(QUERY_FILTERS)].map((parameter) => [parameter, `--${optionOf(parameter)}`])),
  name: '<name>',
  email: '<email>',
  password: '--password',
  organization: '--organization',
  organization_id: '--organization',
  description: '--description',
  expires_at: '--expires-at',
  api_key_id: '<api-key-id>',
};

/** One line saying what went wrong, in the command line's terms (never a stack trace). */
export function describeError(error: unknown): string {
  if (error instanceof RequestValidationException) {
    return error.issues
      .map((issue) => {
        const field = String(issue.loc[issue.loc.length - 1] ?? '');
        return `${ARGUMENT_NAMES[field] ?? field}: ${issue.msg.replace(/^Value error, /, '')}`;
      })
      .join('; ');
  }
  if (error instanceof HttpException || error instanceof CliError) return error.message;
  if (error instanceof ConfigError || error instanceof DataDirLockedError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `Unexpected error: ${message.split('\n')[0]}`;
}
