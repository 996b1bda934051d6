import type { EvaluatorType, GalileoOutputType, ScoreValueType, ScorerType } from './scorer-kinds';
import type { PassingConditions, ScoreConfig } from './value-rules/value-rules.types';

/** The writable properties of a scorer, as either dialect gives them (absent = not given). */
export interface ScorerFields {
  name?: string;
  slug?: string;
  label?: string | null;
  description?: string | null;
  tags?: string[];
  scorerType?: ScorerType;
  evaluatorType?: EvaluatorType;
  scoreValueType?: ScoreValueType | null;
  scoreConfig?: ScoreConfig | null;
  passingConditions?: PassingConditions | null;
  modelType?: string | null;
  outputType?: GalileoOutputType | null;
  inputType?: string | null;
  defaults?: Record<string, unknown> | null;
  userPrompt?: string | null;
  scoreableNodeTypes?: string[] | null;
  groundTruth?: boolean | null;
  requiredScorers?: string[] | null;
  deprecated?: boolean | null;
  defaultVersionId?: string | null;
}

/** Drops the keys whose value is `undefined` (not given), keeping explicit nulls. */
export function givenFields<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
