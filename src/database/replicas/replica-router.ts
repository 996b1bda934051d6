import type { PostgreSqlConnection } from '@mikro-orm/postgresql';
import type { ReplicaConfig } from '../../config/app-config';
import { Replica, type ReplicaState } from './replica';
import { SharedProbe, parseLsn, tick, within } from './wal-position';

/** Where one request's reads go: a replica that has replayed the primary's position at its arrival, or the primary. */
export interface ReadChoice {
  replica?: Replica;
  /** Why the primary was chosen. */
  reason?: 'no-replica-up' | 'lagging' | 'down' | 'primary-position-unknown';
}

/** What `/health/ready` shows of one replica. */
export interface ReplicaReport {
  name: string;
  state: ReplicaState;
  /** Bytes of WAL the primary has written that the replica has not yet replayed. */
  bytesBehind?: number;
  error?: string;
}

/** Requests routed so far: how many were served by a replica, how many by the primary and why. */
export interface ReadCounts {
  replica: number;
  primary: number;
  fallbacks: Record<NonNullable<ReadChoice['reason']>, number>;
}

/**
 * Read-your-writes on replicas: a read is sent to a replica only once that replica has replayed the primary's
 * WAL position as of the read's arrival, so it sees every write acknowledged before — by any instance, on any
 * connection. The position costs one small query on the primary (shared by the reads that arrive while it is in
 * flight); the replica's replay position is cached (it only moves forward) and polled while a read waits, for at
 * most `maxWaitMs`. A replica that fails is left alone for a while; one that did not catch up in time gets a single
 * look per read (no waiting) until it has: reads it cannot serve go to the primary.
 */
export class ReplicaRouter {
  readonly replicas: Replica[];
  private readonly primaryPosition: SharedProbe<bigint>;
  private next = 0;
  private readonly counts: ReadCounts = {
    replica: 0,
    primary: 0,
    fallbacks: { 'no-replica-up': 0, lagging: 0, down: 0, 'primary-position-unknown': 0 },
  };

  constructor(
    primary: PostgreSqlConnection | undefined,
    replicas: readonly PostgreSqlConnection[],
    private readonly config: ReplicaConfig,
  ) {
    this.replicas = replicas.map((connection, index) => new Replica(`replica-${index + 1}`, connection));
    this.primaryPosition = new SharedProbe(async () => {
      const row = await primary?.execute<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn', [], 'get');
      return parseLsn(row?.lsn ?? '');
    });
  }

  /** A router without replicas: every read stays on the primary. */
  static none(): ReplicaRouter {
    return new ReplicaRouter(undefined, [], { urls: [], maxWaitMs: 0 });
  }

  get enabled(): boolean {
    return this.replicas.length > 0;
  }

  /** Picks where the reads of a request arriving now go, waiting at most `maxWaitMs` for a replica. */
  async choose(): Promise<ReadChoice> {
    const arrivedAt = tick();
    const up = this.replicas.filter((replica) => replica.state !== 'down');
    if (up.length === 0) return this.primary('no-replica-up');
    let target: bigint;
    try {
      target = await this.primaryPosition.after(arrivedAt);
    } catch {
      return this.primary('primary-position-unknown');
    }
    const ready = up.filter((replica) => replica.hasReplayed(target));
    if (ready.length > 0) return this.use(this.pick(ready));
    const keepingUp = up.filter((replica) => replica.state !== 'lagging');
    const replica = this.pick(keepingUp.length > 0 ? keepingUp : up);
    if (await replica.waitFor(target, this.config.maxWaitMs)) return this.use(replica);
    return this.primary(replica.state === 'down' ? 'down' : 'lagging');
  }

  /** A replica failed under a request: its reads are served again by the primary, and it is left alone for a while. */
  failed(choice: ReadChoice, error: unknown): ReadChoice {
    choice.replica?.markDown(error);
    this.counts.replica--;
    return this.primary('down');
  }

  readCounts(): ReadCounts {
    return { ...this.counts, fallbacks: { ...this.counts.fallbacks } };
  }

  /** Each replica's state, from a fresh look at it and at the primary (each bounded by `ms`). */
  async report(ms: number): Promise<ReplicaReport[]> {
    const primary = await within(
      this.primaryPosition.after(tick()).catch(() => undefined),
      ms,
    );
    return Promise.all(
      this.replicas.map(async (replica) => {
        const { replayed, error = replica.error } = await replica.look(ms);
        const behind = primary !== undefined && replayed !== undefined ? primary - replayed : undefined;
        return {
          name: replica.name,
          state: replica.state,
          ...(behind !== undefined ? { bytesBehind: Number(behind > 0n ? behind : 0n) } : {}),
          ...(error ? { error } : {}),
        };
      }),
    );
  }

  private pick(replicas: Replica[]): Replica {
    this.next = (this.next + 1) % replicas.length;
    return replicas[this.next];
  }

  private use(replica: Replica): ReadChoice {
    this.counts.replica++;
    return { replica };
  }

  private primary(reason: NonNullable<ReadChoice['reason']>): ReadChoice {
    this.counts.primary++;
    this.counts.fallbacks[reason]++;
    return { reason };
  }
}
