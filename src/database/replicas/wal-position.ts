/** A WAL position (`pg_lsn` text such as `16/B374D848`) as a byte offset, comparable across servers of one cluster. */
export function parseLsn(text: string): bigint {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text);
  if (!match) throw new Error(`not a WAL position: ${JSON.stringify(text)}`);
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
}

let ticks = 0;

/** A point in this process's sequence of events: what happened at a later tick happened after it. */
export const tick = (): number => ++ticks;

/**
 * A query on one server shared by concurrent callers: a caller that arrived at tick `t` gets the result of a
 * query that was sent after `t` (so it reflects every transaction committed before `t`), joining one in flight
 * when there is such a query rather than sending its own.
 */
export class SharedProbe<T> {
  private latest?: { sentAt: number; result: Promise<T> };

  constructor(private readonly query: () => Promise<T>) {}

  /** The result of a query sent after `arrivedAt`. */
  after(arrivedAt: number): Promise<T> {
    if (this.latest && this.latest.sentAt > arrivedAt) return this.latest.result;
    const sentAt = tick();
    const result = this.query();
    this.latest = { sentAt, result };
    return result;
  }
}

/** Resolves to `undefined` after `ms`, or to the promise's value if it settles first (its rejection, likewise). */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), Math.max(0, ms));
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
