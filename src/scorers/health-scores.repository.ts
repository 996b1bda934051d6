import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/sql';
import type { ScorerVersion } from './entities/scorer-version.entity';

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
   */
  async upsert(
    version: ScorerVersion,
    entry: { datasetId: string; healthScoreType: string; score: number; secondary: Record<string, number | null> | null },
  ): Promise<HealthScoreRow> {
    const [row] = await this.em.execute<Omit<HealthScoreRow, 'scorer_version_number'>[]>(
      `insert into health_scores (organization_id, id, scorer_version_id, dataset_id, health_score_type, score, secondary, computed_at)
       values (?, ?, ?, ?, ?, ?, ?, clock_timestamp())
       on conflict (organization_id, scorer_version_id, dataset_id, health_score_type)
       do update set score = excluded.score, secondary = excluded.secondary, computed_at = excluded.computed_at
       returning id, scorer_version_id, dataset_id, health_score_type, score, secondary, computed_at`,
      [
        version.organizationId,
        randomUUID(),
        version.id,
        entry.datasetId,
        entry.healthScoreType,
        entry.score,
        entry.secondary === null ? null : JSON.stringify(entry.secondary),
      ],
    );
    return { ...row, scorer_version_number: version.version };
  }

  /** The health scores of every version of a scorer on one dataset, by version ascending. */
  forScorer(organizationId: string, scorerId: string, datasetId: string): Promise<HealthScoreRow[]> {
    return this.em.execute<HealthScoreRow[]>(
      `select h.id, h.scorer_version_id, v.version as scorer_version_number, h.dataset_id, h.health_score_type, h.score, h.secondary, h.computed_at
       from scorer_versions v
       join health_scores h on h.organization_id = v.organization_id and h.scorer_version_id = v.id
       where v.organization_id = ? and v.scorer_id = ? and h.dataset_id = ?
       order by v.version asc, h.health_score_type asc`,
      [organizationId, scorerId, datasetId],
    );
  }
}
