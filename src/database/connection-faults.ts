import type { Pool, PoolClient } from 'pg';

/** How much longer than `statement_timeout` the client waits for a server that does not answer at all. */
export const QUERY_TIMEOUT_MARGIN_MS = 500;

const CONNECTION_GONE = /^(Query read timeout|Connection terminated|Client has encountered a connection error)/;
const ROLLBACK = /^\s*rollback\s*;?\s*$/i;

type Query = (...args: unknown[]) => unknown;

const textOf = (args: unknown[]): string =>
  typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: unknown } | undefined)?.text ?? '');

/**
 * Keeps the pool whole when connections fail mid-request (a backend terminated, a server that hangs):
 *
 * - A query that timed out on the client side (`query_timeout`) leaves its statement queued or running on
 *   the server: the connection is closed at once, so that nothing else waits behind it and no transaction
 *   left open there can be committed by its next user. The pool replaces it.
 * - A ROLLBACK on a connection that is gone counts as done (the server aborts the transaction of a lost
 *   session). The transaction layer (Kysely's controlled transactions) returns the connection to the pool
 *   only after a successful ROLLBACK: without this, every transaction interrupted by a fault kept its
 *   pool slot forever, until no request could get a connection.
 */
export function surviveConnectionFaults(pool: Pool): void {
  pool.on('connect', (client: PoolClient) => {
    const query = client.query.bind(client) as Query;
    (client as { query: Query }).query = (...args: unknown[]) => {
      const result = query(...args);
      if (!(result instanceof Promise)) return result;
      const rollback = ROLLBACK.test(textOf(args));
      return result.catch((error: unknown) => {
        const message = (error as Error)?.message ?? '';
        if (message.startsWith('Query read timeout'))
          (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
        if (rollback && CONNECTION_GONE.test(message)) return { command: 'ROLLBACK', rowCount: null, rows: [], fields: [] };
        throw error;
      });
    };
  });
}
