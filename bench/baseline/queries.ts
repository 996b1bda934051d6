/**
 * The statements the service sends per request: the API-key lookup (one query on the prefix index,
 * joined to the owner), the evaluator lookups, the locked read, the writes (their column lists from
 * the service's field table, so that both send the same statements).
 */
import { batchInsertStatement } from '../../src/scores/batch/score-batch.statement.ts';
import { fieldsSetBy } from '../../src/scores/model/score-field-table.ts';

/** The columns each score write sets: the service's own field table (plain data, no framework). */
export const INSERTED = fieldsSetBy('insert');
export const UPDATED = fieldsSetBy('update');

const numbered = (first: number, count: number): string => Array.from({ length: count }, (_, index) => `$${first + index}`).join(', ');

/** The revision of the row `written` by the write's CTE, its six parameters numbered from `first`. */
const revisionOfWritten = (first: number): string =>
  `insert into score_revisions (organization_id, id, score_id, revision, operation, values, actor, at) select organization_id, $${first}, id, ${numbered(first + 1, 5)} from written`;

export const SQL = {
  apiKey: `select k.organization_id, k.id, k.key_hash, k.description, k.last_used, u.id as user_id, u.email
           from api_keys k join users u on u.organization_id = k.organization_id and u.id = k.user_id
           where k.prefix = $1 and k.revoked_at is null and (k.expires_at is null or k.expires_at > $2)`,
  touchApiKey: `update api_keys set last_used = $3 where organization_id = $1 and id = $2 and (last_used is null or last_used < $4)`,
  liveScorerBySlug: 'select * from scorers where organization_id = $1 and slug = $2 and deleted_at is null limit 1',
  /** The score, locked, with its live evaluator as one JSON column. */
  lockScoreWithEvaluator: `select s.*, to_jsonb(e) as live_evaluator from scores s
                           left join scorers e on e.organization_id = s.organization_id and e.id = s.evaluator_id and e.deleted_at is null
                           where s.organization_id = $1 and s.id = $2 for update of s`,
  liveScorers: 'select * from scorers where organization_id = $1 and id = any($2) and deleted_at is null',
  /** The evaluators every item of a batch names, in one query (array literals, as the service sends them). */
  liveScorersByReferences:
    'select * from scorers where organization_id = $1 and deleted_at is null and (id = any($2::uuid[]) or slug = any($3::text[]))',
  /** A batch's scores and their revisions: the service's own statement text. */
  insertBatch: batchInsertStatement(INSERTED, '$1', '$2', '$3'),
  /** The writes and their revisions in one statement each, from the service's field table as the service sends them. */
  insertScoreWithRevision: `with written as (insert into scores (${INSERTED.map((field) => field.column).join(', ')}) values (${numbered(1, INSERTED.length)}) returning organization_id, id) ${revisionOfWritten(INSERTED.length + 1)}`,
  updateScoreWithRevision: `with written as (update scores set ${UPDATED.map((field, index) => `${field.column} = $${index + 1}`).join(', ')} where organization_id = $${UPDATED.length + 1} and id = $${UPDATED.length + 2} returning organization_id, id) ${revisionOfWritten(UPDATED.length + 3)}`,
  /** The version of the live scorer found by the upsert itself. */
  upsertHealthScore: `with version as (
                        select v.organization_id, v.id from scorer_versions v
                        join scorers s on s.organization_id = v.organization_id and s.id = v.scorer_id and s.deleted_at is null
                        where v.organization_id = $1 and v.scorer_id = $2 and v.version = $3)
                      insert into health_scores (organization_id, id, scorer_version_id, dataset_id, health_score_type, score, secondary, computed_at)
                      select organization_id, $4, id, $5, $6, $7, $8, clock_timestamp() from version
                      on conflict (organization_id, scorer_version_id, dataset_id, health_score_type)
                      do update set score = excluded.score, secondary = excluded.secondary, computed_at = excluded.computed_at
                      returning id, scorer_version_id, dataset_id, health_score_type, score, secondary, computed_at`,
  /** The kept count, as the service reads it (the rows themselves would take tens of ms to count). */
  countByEvaluator: 'select coalesce(sum(count), 0)::int as count from score_counts where organization_id = $1 and evaluator_key = $2',
  pageByEvaluator: `select * from scores where organization_id = $1 and evaluator_id = $2
                    order by created_at desc, id desc limit $3 offset $4`,
  healthScoresOfScorer: `select h.id, h.scorer_version_id, v.version as scorer_version_number, h.dataset_id, h.health_score_type, h.score,
                                h.secondary, h.computed_at
                         from scorers s
                         left join scorer_versions v on v.organization_id = s.organization_id and v.scorer_id = s.id
                         left join health_scores h on h.organization_id = v.organization_id and h.scorer_version_id = v.id and h.dataset_id = $3
                         where s.organization_id = $1 and s.id = $2 and s.deleted_at is null
                         order by v.version asc, h.health_score_type asc`,
};
