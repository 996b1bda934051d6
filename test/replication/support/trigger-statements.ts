import { parsePlPgSQLSync } from 'libpg-query';
import type { PgServer } from '../../support/pg-server';

/** A trigger of the schema and its function, as the database holds them after the migrations. */
export interface TriggerFunction {
  trigger: string;
  table: string;
  definition: string;
  /** The names the function's SQL uses for the rows the trigger fires on (NEW, OLD, transition tables). */
  rowSources: string[];
}

export async function triggersOf(server: PgServer, database: string): Promise<TriggerFunction[]> {
  const rows = await server.query<{
    trigger: string;
    table: string;
    definition: string;
    new_table: string | null;
    old_table: string | null;
  }>(
    `select t.tgname as trigger, c.relname as table, pg_get_functiondef(t.tgfoid) as definition,
            t.tgnewtable as new_table, t.tgoldtable as old_table
       from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
      where not t.tgisinternal and n.nspname = 'public' order by t.tgname`,
    [],
    database,
  );
  return rows.map((row) => ({
    trigger: row.trigger,
    table: row.table,
    definition: row.definition,
    rowSources: ['new', 'old', ...[row.new_table, row.old_table].filter((name): name is string => name !== null)],
  }));
}

/** The SQL statements of a PL/pgSQL function (dynamic EXECUTE is reported, since it cannot be checked). */
export function statementsOfFunction(definition: string): { statements: string[]; dynamic: number } {
  const statements: string[] = [];
  let dynamic = 0;
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const node = value as Record<string, { sqlstmt?: { PLpgSQL_expr?: { query?: string } } }>;
    const query = node.PLpgSQL_stmt_execsql?.sqlstmt?.PLpgSQL_expr?.query;
    if (query) statements.push(query);
    if (node.PLpgSQL_stmt_dynexecute) dynamic++;
    Object.values(value).forEach(visit);
  };
  visit(parsePlPgSQLSync(definition));
  return { statements, dynamic };
}
