import type { Scorer } from '../../scorers/entities/scorer.entity';
import type { Score } from '../entities/score.entity';

/** A score and its evaluator when that is a live platform evaluator. */
export interface ScoreView {
  score: Score;
  evaluator: Scorer | null;
}

/**
 * A score as the driver returned its row (keyed by column, values as the driver parsed them: dates, JSON),
 * with its live evaluator: what an export reads, skipping the ORM's per-row mapping.
 */
export interface ScoreRowView {
  row: Record<string, unknown>;
  evaluator: Scorer | null;
}

/** Where one score is looked for: its id, and on log-scoped routes its log too. */
export interface ScoreLocator {
  organizationId: string;
  id: string;
  logId?: string;
}

/** What a log-scoped route imposes on the score it writes: the path's log and the caller as scorer. */
export interface LogScope {
  logId: string;
  scorer: string;
}
