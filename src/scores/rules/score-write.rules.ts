import { randomUUID } from 'node:crypto';
import { RequestValidationException } from '../../common/errors/api-exceptions';
import { documentValueProblem } from '../../common/validation/json-document';
import type { Scorer } from '../../scorers/entities/scorer.entity';
import type { CreateScoreRequest, ReplaceScoreRequest, UpdateScoreRequest } from '../dto/score.dto';
import type { Score } from '../entities/score.entity';
import { parseDateTime } from '../model/date-time';
import { type ScoreField, type ScoreWrite, fieldsSetBy } from '../model/score-field-table';
import type { LogScope } from '../model/score.types';
import type { ResolvedEvaluator } from './evaluator-reference.rules';
import { type ScoreValues, checkScoreValues, computeIsPassed } from './score-value.rules';

type Sent = Record<string, unknown>;
/** What a body-written write sets: the fields of its schema, by where they come from. */
export type WrittenFields = Partial<Score>;

const bodyFieldsOf = (write: ScoreWrite): readonly ScoreField[] => fieldsSetBy(write).filter((field) => field.source === 'body');
const BODY_FIELDS = { update: bodyFieldsOf('update'), replace: bodyFieldsOf('replace'), create: bodyFieldsOf('create') };

/** A field's value when the body does not send it (a fresh object for JSON objects). */
const fallbackOf = (field: ScoreField): unknown =>
  typeof field.fallback === 'object' && field.fallback !== null ? { ...field.fallback } : field.fallback;

const sentValue = (field: ScoreField, value: unknown): unknown =>
  field.kind === 'timestamp' && typeof value === 'string' ? parseDateTime(value) : value;

/** The value fields of a score by their request names (the value fields of PATCH's schema). */
function valuesOf(score: Partial<Score>): ScoreValues {
  const values: Sent = {};
  for (const field of BODY_FIELDS.update) values[field.column] = score[field.property];
  return values as unknown as ScoreValues;
}

/** Checks a complete value set against the evaluator (contract §4) and gives its `is_passed`; a mismatch is a 400. */
function judged(evaluator: Scorer | null, values: ScoreValues): boolean {
  const issues = checkScoreValues(evaluator, values, true);
  if (issues.length) throw new RequestValidationException(issues);
  return computeIsPassed(evaluator, values);
}

/**
 * The fields a create (`create`) or PUT (`replace`) sets: every field of its request schema as sent,
 * or its fallback when not sent (or null); the resolved evaluator's; on log-scoped routes the path's log and
 * the caller; and `is_passed` judged from the values.
 */
export function writtenFields(
  write: 'create' | 'replace',
  body: CreateScoreRequest | ReplaceScoreRequest,
  resolved: ResolvedEvaluator,
  scope?: LogScope,
): WrittenFields {
  const sent = body as unknown as Sent;
  const fields: Sent = {};
  for (const field of BODY_FIELDS[write]) {
    const value = sent[field.column];
    fields[field.property] = value === undefined || value === null ? fallbackOf(field) : sentValue(field, value);
  }
  const written = fields as WrittenFields;
  written.evaluatorId = resolved.evaluator?.id ?? null;
  written.evaluatorSlug = resolved.slug;
  written.evaluatorName = resolved.name;
  written.type = resolved.type;
  if (scope) {
    written.logId = scope.logId;
    written.scorer = scope.scorer;
  }
  written.isPassed = judged(resolved.evaluator, valuesOf(written));
  return written;
}

/** Applies the value fields a PATCH sent, re-checks the merged values and recomputes `is_passed`. */
export function applyUpdate(score: Score, body: UpdateScoreRequest, evaluator: Scorer | null): void {
  const sent = body as unknown as Sent;
  const target = score as unknown as Sent;
  for (const field of BODY_FIELDS.update) {
    if (sent[field.column] !== undefined) target[field.property] = sent[field.column];
  }
  score.isPassed = judged(evaluator, valuesOf(score));
}

/**
 * `inputs` must be JSON PostgreSQL's jsonb stores exactly, within the document limits; a 400 naming the
 * field otherwise. The request pipe checks it already; callers without one (the CLI, batches) rely on this.
 */
export function checkInputs(inputs: unknown): void {
  const problem = inputs === undefined ? undefined : documentValueProblem(inputs);
  if (problem) {
    const { at, input, ...finding } = problem;
    throw new RequestValidationException([{ ...finding, loc: ['body', 'inputs', ...at], input: at.length ? input : null }]);
  }
}

/** Field-level check of general writes (create and replace): `log_id` is required outside the log-scoped routes. */
export function requireLogId(body: ReplaceScoreRequest): void {
  if (body.log_id === undefined) {
    throw new RequestValidationException([
      { type: 'missing', loc: ['body', 'log_id'], msg: 'Field required', input: body, drfMsg: 'This field is required.' },
    ]);
  }
}

/** A new score row: what its write sets, with its identity, first revision and times. */
export function newScore(fields: WrittenFields, organizationId: string, now: Date): Score {
  return { ...fields, organizationId, id: randomUUID(), revision: 1, createdAt: now, updatedAt: now } as Score;
}

/** A general write colliding with another score of the same (log, evaluator, scorer): DRF's unique-together error. */
export function logKeyTaken(): RequestValidationException {
  return new RequestValidationException([
    {
      type: 'unique',
      loc: ['body'],
      msg: 'Value error, the fields log_id, evaluator_slug, scorer must make a unique set',
      drfMsg: 'The fields log_id, evaluator_slug, scorer must make a unique set.',
    },
  ]);
}
