import type { PgServer } from '../../support/pg-server';

/** One statement a server ran for the service, as its log recorded it (`log_statement = all`). */
export interface LoggedStatement {
  server: string;
  sql: string;
  params: (string | null)[];
}

const STATEMENT = /^(?:execute [^:]*|statement): ([\s\S]*)$/;
const PARAM = /\$(\d+) = (NULL|'((?:[^']|'')*)')/g;

/** `parameters: $1 = 'a''b', $2 = NULL` → ["a'b", null]. */
export function parseParameters(detail: string | undefined): (string | null)[] {
  const params: (string | null)[] = [];
  for (const match of (detail ?? '').matchAll(PARAM))
    params[Number(match[1]) - 1] = match[2] === 'NULL' ? null : match[3].replace(/''/g, "'");
  return params;
}

/** The statements each server ran for connections named `application` (the service sets `application_name`). */
export function statementsOf(servers: PgServer[], application = 'scorekeeper'): LoggedStatement[] {
  return servers.flatMap((server) =>
    server
      .jsonLog()
      .filter((line) => line.application_name === application && line.error_severity === 'LOG')
      .map((line) => ({ line, match: STATEMENT.exec(String(line.message)) }))
      .filter(({ match }) => match !== null)
      .map(({ line, match }) => ({ server: server.name, sql: match![1], params: parseParameters(line.detail as string | undefined) })),
  );
}
