import { RequestValidationException } from '../common/errors/api-exceptions';
import type { Scorer } from '../scorers/entities/scorer.entity';
import type { ResolvedEvaluator } from '../scorers/evaluators.service';
import { checkScoreValues, computeIsPassed } from '../scorers/value-rules/score-value-rules';
import type { ScoreValues } from '../scorers/value-rules/value-rules.types';
import { parseDateTime } from './datetimes';
import type { CreateScoreRequest, ReplaceScoreRequest, UpdateScoreRequest } from './dto/score.dto';
import type { Score } from './entities/score.entity';
import { jsonDocumentProblem } from './json-document';

/** What a log-scoped route imposes on the score it writes: the path's log and the caller as scorer. */
export interface LogScope {
  logId: string;
  scorer: string;
}

/** The fields of a score a write sets (everything but identity, revision and times). */
export type ScoreFields = Pick<
  Score,
  | 'evaluatorId'
  | 'evaluatorSlug'
  | 'evaluatorName'
  | 'type'
  | 'logId'
  | 'timestamp'
  | 'environment'
  | 'promptId'
  | 'promptVersionNumber'
  | 'datasetId'
  | 'automationId'
  | 'scorer'
  | 'numericalValue'
  | 'stringValue'
  | 'booleanValue'
  | 'categoricalValue'
  | 'jsonValue'
  | 'isPassed'
>;

export type ProducerFields = Pick<Score, 'cost' | 'status' | 'errorMessage' | 'inputs'>;

export const valuesOf = (
  score: Pick<Score, 'numericalValue' | 'stringValue' | 'booleanValue' | 'categoricalValue' | 'jsonValue'>,
): ScoreValues => ({
  numerical_value: score.numericalValue,
  string_value: score.stringValue,
  boolean_value: score.booleanValue,
  categorical_value: score.categoricalValue,
  json_value: score.jsonValue,
});

/** Checks a complete value set against the evaluator (contract §4) and gives its `is_passed`; a mismatch is a 400. */
export function judgedValues(evaluator: Scorer | null, values: ScoreValues): boolean {
  const issues = checkScoreValues(evaluator, values, true);
  if (issues.length) throw new RequestValidationException(issues);
  return computeIsPassed(evaluator, values);
}

/** Every field of a replace-style body; what it does not send becomes null or its default. */
export function replacedFields(body: ReplaceScoreRequest, resolved: ResolvedEvaluator, scope?: LogScope): ScoreFields {
  const values: ScoreValues = {
    numerical_value: body.numerical_value ?? null,
    string_value: body.string_value ?? null,
    boolean_value: body.boolean_value ?? null,
    categorical_value: body.categorical_value ?? null,
    json_value: body.json_value ?? null,
  };
  return {
    evaluatorId: resolved.evaluator?.id ?? null,
    evaluatorSlug: resolved.slug,
    evaluatorName: resolved.name,
    type: resolved.type,
    logId: scope?.logId ?? body.log_id ?? null,
    timestamp: body.timestamp !== undefined ? parseDateTime(body.timestamp) : null,
    environment: body.environment ?? 'production',
    promptId: body.prompt_id ?? null,
    promptVersionNumber: body.prompt_version_number ?? null,
    datasetId: body.dataset_id ?? null,
    automationId: body.automation_id ?? null,
    scorer: scope?.scorer ?? body.scorer ?? null,
    numericalValue: values.numerical_value,
    stringValue: values.string_value,
    booleanValue: values.boolean_value,
    categoricalValue: values.categorical_value,
    jsonValue: values.json_value,
    isPassed: judgedValues(resolved.evaluator, values),
  };
}

/** What the producer of a score records with it (create bodies only). */
export function producerFields(body: CreateScoreRequest): ProducerFields {
  return { cost: body.cost ?? null, status: body.status ?? null, errorMessage: body.error_message ?? null, inputs: body.inputs ?? {} };
}

/** Applies the value fields a PATCH sent, re-checks the merged values and recomputes `is_passed`. */
export function applyUpdate(score: Score, body: UpdateScoreRequest, evaluator: Scorer | null): void {
  if (body.numerical_value !== undefined) score.numericalValue = body.numerical_value;
  if (body.string_value !== undefined) score.stringValue = body.string_value;
  if (body.boolean_value !== undefined) score.booleanValue = body.boolean_value;
  if (body.categorical_value !== undefined) score.categoricalValue = body.categorical_value;
  if (body.json_value !== undefined) score.jsonValue = body.json_value;
  score.isPassed = judgedValues(evaluator, valuesOf(score));
}

/** `inputs` must be JSON PostgreSQL's jsonb stores exactly; a 400 naming the field otherwise. */
export function checkInputs(inputs: unknown): void {
  const problem = inputs === undefined ? undefined : jsonDocumentProblem(inputs);
  if (problem) {
    throw new RequestValidationException([
      { type: 'value_error', loc: ['body', 'inputs'], msg: `Value error, ${problem}`, input: null, drfMsg: problem },
    ]);
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
