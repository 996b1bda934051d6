import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/sql';

/** A health score with the number of its version. */
export interface HealthScoreRow {
  id: string;
  scorer_version_id: string;
  scorer_version_number: number;
  dataset_id: string;
  health_score_type: string;
  score: number;
  secondary: Record<string, number | null> | null;
  computed_at: Date;
}

@Injectable()
export class HealthScoresRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * Writes the current health score of (version, dataset, type) in one statement: a second write
   * replaces score, secondary and computed_at, and keeps the id (concurrent writes cannot duplicate it).
   * The statement finds the version of the live scorer itself; null when there is none.
   */
  async upsert(
    version: { organizationId: string; scorerId: string; versionNumber: number },
    entry: { datasetId: string; healthScoreType: string; score: number; secondary: Record<string, number | null> | null },
  ): Promise<HealthScoreRow | null> {
    const [row] = await this.em.execute<Omit<HealthScoreRow, 'scorer_version_number'>[]>(
      `with version as (
         select v.organization_id, v.id from scorer_versions v
         join scorers s on s.organization_id = v.organization_id and s.id = v.scorer_id and s.deleted_at is null
         where v.organization_id = ? and v.scorer_id = ? and v.version = ?)
       insert into health_scores (organization_id, id, scorer_version_id, dataset_id, health_score_type, score, secondary, computed_at)
       select organization_id, ?, id, ?, ?, ?, ?, clock_timestamp() from version
       on conflict (organization_id, scorer_version_id, dataset_id, health_score_type)
       do update set score = excluded.score, secondary = excluded.secondary, computed_at = excluded.computed_at
       returning id, scorer_version_id, dataset_id, health_score_type, score, secondary, computed_at`,
      [
        version.organizationId,
        version.scorerId,
        version.versionNumber,
        randomUUID(),
        entry.datasetId,
        entry.healthScoreType,
        entry.score,
        entry.secondary === null ? null : JSON.stringify(entry.secondary),
      ],
    );
    return row ? { ...row, scorer_version_number: version.versionNumber } : null;
  }

  /**
   * The health scores of every version of a live scorer on one dataset, by version ascending; null
   * when there is no such scorer (one statement: the scorer's row is joined, not looked up first).
   */
  async forScorer(organizationId: string, scorerId: string, datasetId: string): Promise<HealthScoreRow[] | null> {
    const rows = await this.em.execute<(HealthScoreRow | Record<keyof HealthScoreRow, null>)[]>(
      `select h.id, h.scorer_version_id, v.version as scorer_version_number, h.dataset_id, h.health_score_type, h.score, h.secondary, h.computed_at
       from scorers s
       left join scorer_versions v on v.organization_id = s.organization_id and v.scorer_id = s.id
       left join health_scores h on h.organization_id = v.organization_id and h.scorer_version_id = v.id and h.dataset_id = ?
       where s.organization_id = ? and s.id = ? and s.deleted_at is null
       order by v.version asc, h.health_score_type asc`,
      [datasetId, organizationId, scorerId],
    );
    return rows.length === 0 ? null : rows.filter((row): row is HealthScoreRow => row.id !== null);
  }
}
