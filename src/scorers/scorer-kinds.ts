/** Galileo's scorer types. */
export const SCORER_TYPES = ['llm', 'code', 'luna', 'preset'] as const;
export type ScorerType = (typeof SCORER_TYPES)[number];

/** Respan's evaluator execution types. */
export const EVALUATOR_TYPES = ['llm', 'human', 'code'] as const;
export type EvaluatorType = (typeof EVALUATOR_TYPES)[number];

/** Respan's value types (`categorical` and `comment` are legacy names). */
export const SCORE_VALUE_TYPES = [
  'numerical',
  'percentage',
  'boolean',
  'single_select',
  'multi_select',
  'categorical',
  'text',
  'comment',
  'json',
] as const;
export type ScoreValueType = (typeof SCORE_VALUE_TYPES)[number];

/** Galileo's output types. */
export const GALILEO_OUTPUT_TYPES = [
  'boolean',
  'categorical',
  'count',
  'discrete',
  'freeform',
  'percentage',
  'multilabel',
  'retrieved_chunk_list_boolean',
  'boolean_multilabel',
] as const;
export type GalileoOutputType = (typeof GALILEO_OUTPUT_TYPES)[number];

export const MODEL_TYPES = ['slm', 'llm', 'code'] as const;

export const INPUT_TYPES = [
  'basic',
  'llm_spans',
  'retriever_spans',
  'sessions_normalized',
  'sessions_trace_io_only',
  'tool_spans',
  'trace_input_only',
  'trace_io_only',
  'trace_normalized',
  'trace_output_only',
  'agent_spans',
  'workflow_spans',
] as const;

const OUTPUT_FOR_VALUE: Record<ScoreValueType, GalileoOutputType | null> = {
  numerical: 'discrete',
  percentage: 'percentage',
  boolean: 'boolean',
  single_select: 'categorical',
  categorical: 'categorical',
  multi_select: 'multilabel',
  text: 'freeform',
  comment: 'freeform',
  json: null,
};

const VALUE_FOR_OUTPUT: Partial<Record<GalileoOutputType, ScoreValueType>> = {
  discrete: 'numerical',
  count: 'numerical',
  percentage: 'percentage',
  boolean: 'boolean',
  categorical: 'single_select',
  multilabel: 'multi_select',
  freeform: 'text',
};

/** The Galileo output type of a Respan value type (contract §1); json has none. */
export const outputTypeFor = (valueType: ScoreValueType | null): GalileoOutputType | null =>
  valueType ? OUTPUT_FOR_VALUE[valueType] : null;

/** The Respan value type of a Galileo output type; the chunk-list and multi-label boolean types have none. */
export const scoreValueTypeFor = (outputType: GalileoOutputType | null | undefined): ScoreValueType | null =>
  (outputType && VALUE_FOR_OUTPUT[outputType]) ?? null;

/** Galileo has no human scorers: a human evaluator shows as a `code` scorer (scored outside an LLM). */
export const scorerTypeFor = (evaluatorType: EvaluatorType): ScorerType => (evaluatorType === 'llm' ? 'llm' : 'code');

/** luna and preset scorers are model-based: they show as `llm` evaluators. */
export const evaluatorTypeFor = (scorerType: ScorerType): EvaluatorType => (scorerType === 'code' ? 'code' : 'llm');

/** The longest slug, given or derived (scores name evaluators by it). */
export const SLUG_MAX_LENGTH = 100;

/** `Answer Relevance (v2)` → `answer_relevance_v2` (the base of derived slugs; cut to the slug limit by `derivedSlug`). */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return slug || 'scorer';
}

/**
 * The `n`-th slug derived from `base` (n ≥ 1): `base`, `base_2`, `base_3`…, the base shortened so
 * that base and suffix fit the slug limit together. Distinct for distinct `n` past the first.
 */
export function derivedSlug(base: string, n: number): string {
  if (n === 1) return base.slice(0, SLUG_MAX_LENGTH);
  const suffix = `_${n}`;
  return base.slice(0, SLUG_MAX_LENGTH - suffix.length) + suffix;
}
