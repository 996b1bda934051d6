import type { Response } from 'supertest';
import { READ_SOURCE_HEADER } from '../../src/database/replicas/replica-reads.interceptor';

/** One read made right after a write through another instance: where it was served, and whether it showed the write. */
export interface ReadRecord {
  what: string;
  source: string;
  fresh: boolean;
  detail?: string;
}

/** Every read-back of the replication tests, with its verdict. */
export class ReadBook {
  readonly records: ReadRecord[] = [];

  /** Records a read-back: `fresh` says whether it reflects the write made just before. */
  check(what: string, res: Response, fresh: boolean): void {
    const source = (res.headers[READ_SOURCE_HEADER] as string | undefined) ?? 'unrouted';
    this.records.push({ what, source, fresh, ...(fresh ? {} : { detail: `${res.status} ${JSON.stringify(res.body).slice(0, 300)}` }) });
  }

  stale(): ReadRecord[] {
    return this.records.filter((record) => !record.fresh);
  }

  unrouted(): ReadRecord[] {
    return this.records.filter((record) => record.source === 'unrouted');
  }

  /** Reads served by each source (`replica-1`, `primary; lagging`, …). */
  bySource(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const { source } of this.records) counts[source] = (counts[source] ?? 0) + 1;
    return counts;
  }

  replicaFraction(): number {
    const replica = this.records.filter((record) => record.source.startsWith('replica')).length;
    return this.records.length === 0 ? 0 : replica / this.records.length;
  }

  summary(label: string): string {
    const percent = (this.replicaFraction() * 100).toFixed(1);
    return `${label}: ${this.records.length} reads, ${this.stale().length} stale, ${percent}% served by the replica ${JSON.stringify(this.bySource())}`;
  }
}
