/** A replace body that sets every field a PUT declares (its value fields valid for a numerical evaluator). */
export const EVERY_REPLACE_FIELD = {
  timestamp: '2026-03-04T05:06:07.000Z',
  environment: 'staging',
  prompt_id: 'prompt-1',
  prompt_version_number: 7,
  dataset_id: 'dataset-1',
  automation_id: 'automation-1',
  scorer: 'reviewer',
  numerical_value: 4,
  string_value: 'because',
  boolean_value: true,
  categorical_value: ['x'],
  json_value: '{"k": 1}',
};

/** What only a create body adds: the producer's record. */
export const PRODUCER_FIELDS = { cost: 0.5, status: 'done', error_message: 'none', inputs: { q: 'x' } };

/** The evaluators the score suites judge with. */
export const QUALITY = {
  name: 'Quality',
  score_value_type: 'numerical',
  passing_conditions: { primary_score: { operator: 'gte', value: 3 } },
};

export const HELPFULNESS = {
  name: 'Helpfulness',
  score_value_type: 'numerical',
  score_config: { min_score: 1, max_score: 5 },
  passing_conditions: { primary_score: { operator: 'gte', value: 3 } },
};
