import { query } from './services';

/** A write the service acknowledged (2xx), or one it did not; each carries a unique marker to find it by. */
export type Write =
  | { kind: 'score'; scoreId?: string; revision?: number; logId: string; token: string }
  | { kind: 'patch'; scoreId: string; revision?: number; token: string }
  | { kind: 'health'; id?: string; datasetId: string; score: number };

/**
 * The client-side ledger of a load: every write the service acknowledged with a 2xx, every one it
 * did not, and what a replayed Idempotency-Key answered. `verify` compares it with the database.
 */
export class Ledger {
  readonly acknowledged: Write[] = [];
  readonly unacknowledged: Write[] = [];
  /** Idempotency-Key → the score id each acknowledged answer named. */
  readonly idempotent = new Map<string, Set<string>>();

  ack(write: Write): void {
    this.acknowledged.push(write);
  }

  refuse(write: Write): void {
    this.unacknowledged.push(write);
  }

  replayed(key: string, scoreId: string): void {
    const ids = this.idempotent.get(key) ?? new Set<string>();
    ids.add(scoreId);
    this.idempotent.set(key, ids);
  }
}

export interface Verification {
  checked: number;
  /** Acknowledged writes not in the database (must be empty). */
  lost: string[];
  /** Scores whose revisions do not count 1..revision, revisions without their score. */
  halfWritten: number;
  /** Idempotency keys whose replays named different scores, or that left more than one score. */
  duplicated: string[];
  /** Unacknowledged writes that are in the database anyway (allowed after a database fault, not after a clean refusal). */
  appliedUnacknowledged: number;
}

/** Compares the ledger with the database at `url`. */
export async function verify(url: string, ledger: Ledger): Promise<Verification> {
  const revisions = await query<{ score_id: string; revision: number; token: string | null; log_id: string | null }>(
    url,
    `select r.score_id, r.revision, r.values->>'string_value' as token, r.values->>'log_id' as log_id from score_revisions r`,
  );
  const byToken = new Map(revisions.filter((r) => r.token).map((r) => [r.token as string, r]));
  const health = await query<{ id: string; dataset_id: string; score: number }>(url, 'select id, dataset_id, score from health_scores');
  const healthByDataset = new Map<string, { id: string; score: number }[]>();
  for (const row of health) healthByDataset.set(row.dataset_id, [...(healthByDataset.get(row.dataset_id) ?? []), row]);

  const lost: string[] = [];
  for (const write of ledger.acknowledged) {
    if (write.kind === 'health') {
      const rows = healthByDataset.get(write.datasetId) ?? [];
      if (rows.length !== 1 || rows[0].id !== write.id || rows[0].score !== write.score)
        lost.push(`health score ${write.datasetId}: ${JSON.stringify(rows)}`);
      continue;
    }
    const row = byToken.get(write.token);
    if (!row || row.score_id !== write.scoreId || row.revision !== write.revision) {
      lost.push(`${write.kind} ${write.scoreId} revision ${write.revision}: ${row ? JSON.stringify(row) : 'no revision holds it'}`);
    }
  }

  let appliedUnacknowledged = 0;
  for (const write of ledger.unacknowledged) {
    const applied = write.kind === 'health' ? healthByDataset.has(write.datasetId) : byToken.has(write.token);
    if (applied) appliedUnacknowledged++;
  }

  const [{ count: halfWritten }] = await query<{ count: number }>(
    url,
    `select (
       (select count(*) from (
          select s.id from scores s
          left join score_revisions r on r.organization_id = s.organization_id and r.score_id = s.id
          group by s.organization_id, s.id, s.revision
          having count(r.id) <> s.revision or max(r.revision) <> s.revision or min(r.revision) <> 1) broken)
     + (select count(*) from score_revisions r
          where not exists (select 1 from scores s where s.organization_id = r.organization_id and s.id = r.score_id))
     )::int as count`,
  );

  const duplicated: string[] = [];
  for (const [key, ids] of ledger.idempotent) if (ids.size > 1) duplicated.push(`${key} answered ${[...ids].join(', ')}`);
  const keys = [...ledger.idempotent.keys()];
  if (keys.length) {
    const perKey = await query<{ log_id: string; n: number }>(
      url,
      `select log_id, count(*)::int as n from scores where log_id = any($1) group by log_id having count(*) > 1`,
      [keys.map((key) => `idem-${key}`)],
    );
    for (const row of perKey) duplicated.push(`${row.log_id} stored ${row.n} times`);
  }

  return { checked: ledger.acknowledged.length, lost, halfWritten, duplicated, appliedUnacknowledged };
}
