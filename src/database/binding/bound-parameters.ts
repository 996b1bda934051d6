import {
  type AnyEntity,
  type Configuration,
  type Dictionary,
  type EntityData,
  type QueryResult,
  JsonProperty,
  type LoggingOptions,
  type Transaction,
  Utils,
  isRaw,
} from '@mikro-orm/core';
import { PostgreSqlConnection, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { CompiledQuery, type Kysely } from 'kysely';
import type { Pool } from 'pg';
import type { AbstractSqlConnection, AbstractSqlPlatform, NativeQueryBuilder, RawQueryFragment } from '@mikro-orm/sql';

/** A statement with `$n` placeholders and the values sent apart from its text. */
export interface BoundStatement {
  sql: string;
  values: unknown[];
}

/** How one parameter is sent: as a bound value, written into the text (null, booleans: as the ORM writes them), or not at all (`undefined`: the ORM formats the whole statement). */
function bindOne(value: unknown, values: unknown[]): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date || Buffer.isBuffer(value)) {
    values.push(value);
    return `$${values.length}`;
  }
  if (typeof value === 'bigint') {
    values.push(value.toString());
    return `$${values.length}`;
  }
  if (Utils.isPlainObject(value) || (value as Record<symbol, unknown> | undefined)?.[JsonProperty as symbol]) {
    values.push(JSON.stringify(value));
    return `$${values.length}`;
  }
  return undefined;
}

/** An array parameter stands for a list (`in (?)`), as the ORM's formatting writes it: one bound value per item. */
function bindParameter(value: unknown, values: unknown[]): string | undefined {
  if (!Array.isArray(value)) return bindOne(value, values);
  const items: string[] = [];
  for (const item of value) {
    const placeholder = Array.isArray(item) ? undefined : bindOne(item, values);
    if (placeholder === undefined) return undefined;
    items.push(placeholder);
  }
  return items.join(', ');
}

/**
 * The ORM's `?` statement with its parameters as bind parameters (`$1`, `$2`, …), placeholder by
 * placeholder as the platform's `formatQuery` would replace them (`??` an identifier, `\?` a literal
 * question mark); undefined when a parameter is of a kind only the ORM formats (raw fragments).
 */
export function bindParameters(sql: string, params: readonly unknown[], platform: AbstractSqlPlatform): BoundStatement | undefined {
  const values: unknown[] = [];
  let text = '';
  let next = 0;
  let position = 0;
  while (position < sql.length) {
    const mark = sql.indexOf('?', position);
    if (mark === -1) {
      text += sql.slice(position);
      break;
    }
    if (mark > 0 && sql[mark - 1] === '\\') {
      text += `${sql.slice(position, mark - 1)}?`;
      position = mark + 1;
      continue;
    }
    if (sql[mark + 1] === '?') {
      text += sql.slice(position, mark) + platform.quoteIdentifier(params[next++] as string);
      position = mark + 2;
      continue;
    }
    const value = params[next++];
    const placeholder = isRaw(value) ? undefined : bindParameter(value, values);
    if (placeholder === undefined) return undefined;
    text += sql.slice(position, mark) + placeholder;
    position = mark + 1;
  }
  return { sql: text, values };
}

// A mixin's base class must take `any[]` (TypeScript's rule for mixins).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T> = abstract new (...args: any[]) => T;

/**
 * The connection sends a statement's parameters as bind parameters (PostgreSQL's extended protocol)
 * instead of formatting them into its text, as a plain `pg` client does: no escaping of every value in
 * JavaScript, and the values never become SQL text. Statements with raw fragments as parameters, or
 * with cancellation options, take the ORM's own path.
 */
export function bindingParameters<C extends Constructor<AbstractSqlConnection>>(Base: C) {
  abstract class BindingConnection extends Base {
    override async execute<T extends QueryResult | EntityData<AnyEntity> | EntityData<AnyEntity>[] = EntityData<AnyEntity>[]>(
      query: string | NativeQueryBuilder | RawQueryFragment,
      params: readonly unknown[] | Dictionary<unknown> = [],
      method: 'all' | 'get' | 'run' = 'all',
      ctx?: Transaction,
      loggerContext?: LoggingOptions,
    ): Promise<T> {
      const cancellable = (loggerContext as Dictionary | undefined)?.signal != null;
      const plain = typeof query === 'string' && Array.isArray(params) && params.length > 0 && !cancellable;
      const bound = plain ? bindParameters(query, params, this.getPlatform() as AbstractSqlPlatform) : undefined;
      if (!plain || !bound) return super.execute<T>(query, params, method, ctx, loggerContext);
      await this.ensureConnection();
      return this.executeQuery(
        this.loggedSql(query, params, bound.sql, loggerContext),
        async () => this.transformRawResult<T>(await this.send(bound, ctx), method),
        { query: bound.sql, params: bound.values, ...loggerContext },
      );
    }

    /** Sends the statement through Kysely: in the transaction `ctx`, or on a connection of the pool. */
    protected async send(statement: BoundStatement, ctx?: Transaction): Promise<RawResult> {
      return ((ctx ?? this.getClient()) as Kysely<unknown>).executeQuery(CompiledQuery.raw(statement.sql, statement.values));
    }

    /** What a query log shows: with the ORM's `query-params` logging on, the statement with its values written in, as before. */
    private loggedSql(query: string, params: readonly unknown[], bound: string, context?: LoggingOptions): string {
      const logger = this.config.getLogger();
      if (!logger.isEnabled('query', context)) return bound;
      return logger.isEnabled('query-params', context) ? this.getPlatform().formatQuery(query, [...params]) : bound;
    }
  }
  return BindingConnection;
}

/** A result as Kysely's PostgreSQL driver shapes it (what `transformRawResult` reads). */
type RawResult = { rows: unknown[]; numAffectedRows?: bigint };

const COUNTED_COMMANDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

class BindingPostgreSqlConnection extends bindingParameters(PostgreSqlConnection) {
  /**
   * A statement outside a transaction goes to `pg`'s pool directly, as the baseline's do: Kysely's
   * connection provider adds a layer of promises, a query id and frozen objects per statement (in one
   * process, ~0.1 ms of CPU a statement on this machine) and nothing a single statement needs here (no
   * session context, no cancellation: those statements take the ORM's path). In a transaction, the
   * transaction's connection (Kysely's) sends it.
   */
  protected override async send(statement: BoundStatement, ctx?: Transaction): Promise<RawResult> {
    if (ctx) return super.send(statement, ctx);
    const pool = (await this.getNativeClient()) as Pool;
    const { command, rowCount, rows } = await pool.query(statement.sql, statement.values);
    return { rows: rows ?? [], numAffectedRows: COUNTED_COMMANDS.has(command) ? BigInt(rowCount ?? 0) : undefined };
  }
}

/** The drivers' constructors name their connection class; these replace the primary and the read replicas' connections with binding ones. */
export type Connections<C> = { connection: C; replicas: C[] };

export class BindingPostgreSqlDriver extends PostgreSqlDriver {
  constructor(config: Configuration) {
    super(config);
    const connections = this as unknown as Connections<AbstractSqlConnection>;
    connections.connection = new BindingPostgreSqlConnection(this.config);
    connections.replicas = this.createReplicas((options) => new BindingPostgreSqlConnection(this.config, options, 'read'));
  }
}
