import type { PostgreSqlConnection } from '@mikro-orm/postgresql';
import { SharedProbe, parseLsn, tick, within } from './wal-position';

/** How long a replica that failed is left alone before reads try it again. */
export const DOWN_BACKOFF_MS = 2000;
/** Pause between two looks at a replica that has not yet replayed far enough. */
const POLL_MS = 5;

export type ReplicaState = 'unknown' | 'ready' | 'lagging' | 'down';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One streaming replica: how far it has replayed (as last seen), and whether it is down or lagging. */
export class Replica {
  /** The highest replay position seen (a replica only moves forward, so this is a lower bound). */
  private replayed = -1n;
  /** Set when the replica did not reach this position within the wait: reads skip it until it has. */
  private laggingBehind?: bigint;
  private downUntil = 0;
  private lastError?: string;
  private readonly probe: SharedProbe<bigint>;

  constructor(
    readonly name: string,
    readonly connection: PostgreSqlConnection,
  ) {
    this.probe = new SharedProbe(async () => {
      const row = await connection.execute<{ lsn: string | null }>('select pg_last_wal_replay_lsn()::text as lsn', [], 'get');
      if (!row?.lsn) throw new Error('is not a streaming replica (pg_last_wal_replay_lsn() is null: the server is not in recovery)');
      const lsn = parseLsn(row.lsn);
      if (lsn > this.replayed) this.replayed = lsn;
      if (this.laggingBehind !== undefined && this.replayed >= this.laggingBehind) this.laggingBehind = undefined;
      return lsn;
    });
  }

  get state(): ReplicaState {
    if (Date.now() < this.downUntil) return 'down';
    if (this.laggingBehind !== undefined) return 'lagging';
    return this.replayed < 0n ? 'unknown' : 'ready';
  }

  get error(): string | undefined {
    return this.state === 'down' ? this.lastError : undefined;
  }

  /** Already known to have replayed `target`: no need to ask. */
  hasReplayed(target: bigint): boolean {
    return this.replayed >= target;
  }

  markDown(error: unknown): void {
    this.downUntil = Date.now() + DOWN_BACKOFF_MS;
    this.lastError = error instanceof Error ? error.message : String(error);
  }

  /**
   * Waits until the replica has replayed `target`, for at most `ms`; a replica already lagging gets one look
   * instead. False when it has not by then (it is marked lagging) or when it fails (it is marked down).
   */
  async waitFor(target: bigint, ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    const poll = this.laggingBehind === undefined;
    try {
      for (;;) {
        const replayed = await within(this.probe.after(tick()), deadline - Date.now());
        if (replayed !== undefined && replayed >= target) return true;
        if (!poll || Date.now() + POLL_MS >= deadline) break;
        await sleep(POLL_MS);
      }
    } catch (error) {
      this.markDown(error);
      return false;
    }
    if (this.laggingBehind === undefined || target > this.laggingBehind) this.laggingBehind = target;
    return false;
  }

  /** A fresh look for health reports: the replay position, or the failure. */
  async look(ms: number): Promise<{ replayed?: bigint; error?: string }> {
    try {
      const replayed = await within(this.probe.after(tick()), ms);
      return replayed === undefined ? { error: `no answer within ${ms} ms` } : { replayed };
    } catch (error) {
      this.markDown(error);
      return { error: (error as Error).message };
    }
  }
}
