import { CodeValidationTask } from './code-validation/entities/code-validation-task.entity';
import { ApiKey } from './identity/entities/api-key.entity';
import { Organization } from './identity/entities/organization.entity';
import { User } from './identity/entities/user.entity';
import { LogStream } from './projects/entities/log-stream.entity';
import { Project } from './projects/entities/project.entity';
import { RunScorer } from './projects/entities/run-scorer.entity';
import { HealthScore } from './scorers/entities/health-score.entity';
import { ScorerVersion } from './scorers/entities/scorer-version.entity';
import { Scorer } from './scorers/entities/scorer.entity';
import { IdempotencyRecord } from './scores/entities/idempotency-record.entity';
import { ScoreCount } from './scores/entities/score-count.entity';
import { ScoreFilterCount } from './scores/entities/score-filter-count.entity';
import { ScoreSummaryBucket } from './scores/entities/score-summary-bucket.entity';
import { ScoreRevision } from './scores/entities/score-revision.entity';
import { Score } from './scores/entities/score.entity';
import { TenantRow } from './identity/entities/tenant-row.entity';

/** Every entity the ORM maps. */
export const ENTITIES: Function[] = [
  TenantRow,
  Organization,
  User,
  ApiKey,
  Scorer,
  ScorerVersion,
  HealthScore,
  Score,
  ScoreRevision,
  IdempotencyRecord,
  ScoreCount,
  ScoreFilterCount,
  ScoreSummaryBucket,
  Project,
  LogStream,
  RunScorer,
  CodeValidationTask,
];
