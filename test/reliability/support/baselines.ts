import { randomUUID } from 'node:crypto';
import type { Owned } from './fixtures';

/**
 * For each operation with a body, one the service accepts, with every field and free-form structure
 * filled in (choices, conditions, filters, inputs…), so that a hostile value put at one position of it
 * meets the checks of that position and not another field's refusal. The positions suite asserts that
 * each of them is accepted as it is.
 */
export function baselineBodies(a: Owned): Record<string, () => Record<string, unknown>> {
  const numerical = a.evaluators.find((evaluator) => evaluator.valueType === 'numerical')!;
  const defaults = () => ({
    model_name: 'gpt-4o',
    num_judges: 3,
    filters: [{ name: 'node_name', operator: 'eq', value: 'llm', case_sensitive: true, extra: { nested: ['a', 1] } }],
    scoreable_node_types: ['llm'],
    cot_enabled: true,
    output_type: 'boolean',
    input_type: 'basic',
  });
  const versionFields = () => ({
    model_name: 'gpt-4o',
    num_judges: 2,
    scoreable_node_types: ['llm'],
    cot_enabled: false,
    output_type: 'boolean',
    input_type: 'basic',
  });
  const scoreFields = () => ({
    log_id: `baseline-log-${randomUUID()}`,
    timestamp: '2026-01-02T03:04:05.678Z',
    environment: 'staging',
    prompt_id: 'prompt',
    prompt_version_number: 3,
    dataset_id: 'dataset',
    automation_id: 'automation',
    scorer: 'baseline scorer',
    numerical_value: 7,
    string_value: 'reason',
    cost: 0.25,
    status: 'completed',
    error_message: 'none',
    inputs: { question: 'q', context: ['c1', 'c2'], nested: { depth: { list: [1, 'two', { three: true }] } }, score: 0.5 },
  });
  return {
    'POST /v2/users/api_keys': () => ({
      description: 'baseline key',
      expires_at: '2099-01-01T00:00:00Z',
      project_id: randomUUID(),
      project_role: 'viewer',
    }),
    'POST /login': () => ({
      username: a.tenant.email,
      password: a.tenant.password,
      grant_type: 'password',
      scope: '',
      client_id: 'client',
      client_secret: 'secret',
    }),
    'POST /login/api_key': () => ({ api_key: a.tenant.apiKey }),
    'POST /v2/scorers': () => ({
      name: 'Baseline scorer',
      scorer_type: 'llm',
      label: 'label',
      description: 'description',
      tags: ['tag'],
      defaults: defaults(),
      model_type: 'llm',
      ground_truth: true,
      user_prompt: 'prompt',
      scoreable_node_types: ['llm'],
      output_type: 'boolean',
      input_type: 'basic',
      required_scorers: ['other'],
    }),
    'POST /v2/scorers/list': () => ({
      filters: [
        { name: 'name', operator: 'contains', value: 'baseline', case_sensitive: false },
        { name: 'tags', operator: 'contains', value: 'tag' },
      ],
      sort: { name: 'name', ascending: true, sort_type: 'column' },
    }),
    'PATCH /v2/scorers/{scorer_id}': () => ({
      name: 'Baseline scorer renamed',
      description: 'description',
      tags: ['tag'],
      defaults: defaults(),
      model_type: 'llm',
      ground_truth: false,
      user_prompt: 'prompt',
      scoreable_node_types: ['llm'],
      output_type: 'boolean',
      input_type: 'basic',
    }),
    'POST /v2/scorers/{scorer_id}/version/llm': () => ({
      ...versionFields(),
      instructions: 'instructions',
      user_prompt: 'prompt',
      chain_poll_template: {
        template: 'template',
        metric_system_prompt: 'system',
        metric_description: 'description',
        value_field_name: 'rating',
        explanation_field_name: 'explanation',
        metric_few_shot_examples: [{ generation_prompt_and_response: 'generation', evaluating_response: 'evaluation' }],
        response_schema: { type: 'object', properties: { rating: { type: 'integer', enum: [1, 2, 3] } }, required: ['rating'] },
      },
    }),
    'POST /v2/scorers/{scorer_id}/version/preset': () => versionFields(),
    'POST /v2/scorers/{scorer_id}/versions/{version_number}/health-scores': () => ({
      dataset_id: randomUUID(),
      health_score_type: 'f1',
      score: 0.5,
      secondary: { precision: 0.4, recall: null },
    }),
    'POST /api/evaluators/': () => ({
      name: 'Baseline evaluator',
      type: 'llm',
      score_value_type: 'single_select',
      score_config: {
        choices: [
          { name: 'good', value: 1 },
          { name: 'bad', value: 'b' },
        ],
      },
      passing_conditions: { primary_score: { operator: 'in', value: ['good', 1] } },
      description: 'description',
      tags: ['tag'],
    }),
    'PATCH /api/evaluators/{id}/': () => ({
      name: 'Baseline evaluator renamed',
      type: 'llm',
      score_value_type: 'numerical',
      score_config: { min_score: 0, max_score: 10 },
      passing_conditions: { primary_score: { operator: 'gte', value: 5 } },
      description: 'description',
      tags: ['tag'],
    }),
    'POST /api/scores/': () => ({ evaluator_id: numerical.id, ...scoreFields() }),
    'POST /api/scores/batch/': () => ({ scores: [{ evaluator_id: numerical.id, ...scoreFields() }] }),
    'POST /api/scores/summary/': () => ({
      filters: { evaluator_id: { operator: '', value: numerical.id }, numerical_value: [{ operator: 'gte', value: 1 }] },
    }),
    'POST /api/scores/list/': () => ({
      filters: {
        log_id: { operator: '', value: 'baseline-log' },
        evaluator_slug: { operator: 'in', value: ['a', 'b'] },
        numerical_value: [
          { operator: 'gte', value: 1 },
          { operator: 'lte', value: 9 },
        ],
      },
    }),
    'PUT /api/scores/{id}/': () => {
      const { inputs: _inputs, cost: _cost, status: _status, error_message: _error, ...replaceable } = scoreFields();
      return { evaluator_id: numerical.id, ...replaceable };
    },
    'PATCH /api/scores/{id}/': () => ({ numerical_value: 4, string_value: 'why' }),
    'POST /api/logs/{log_id}/scores/': () => ({ evaluator_slug: `custom_${randomUUID().slice(0, 8)}`, ...scoreFields() }),
    'PUT /api/logs/{log_id}/scores/{score_id}/': () => ({ evaluator_slug: 'custom_note', string_value: 'replaced' }),
    'PATCH /api/logs/{log_id}/scores/{score_id}/': () => ({ string_value: 'patched' }),
    ...sdkBaselines(a),
  };
}

const CODE = 'def scorer_fn(step) -> float:\n    return 1.0\n';

/** The routes Galileo's SDKs call beyond the scorer family: projects, log streams, run scorer settings, code scorers. */
function sdkBaselines(a: Owned): Record<string, () => Record<string, unknown>> {
  const settings = () => ({
    run_id: a.logStreamId,
    scorers: [
      {
        id: a.scorerId,
        scorer_type: 'llm',
        name: 'baseline scorer',
        model_type: 'llm',
        model_name: 'gpt-4o',
        num_judges: 3,
        scoreable_node_types: ['llm'],
        cot_enabled: true,
        output_type: 'boolean',
        input_type: 'basic',
        scorer_version: { id: a.scorerVersion.id, version: a.scorerVersion.version, scorer_id: a.scorerId },
        filters: [{ name: 'node_name', operator: 'eq', value: 'llm' }],
        multimodal_capabilities: ['text'],
        roll_up_method: 'average',
        score_type: 'float',
      },
    ],
    segment_filters: [{ filter: { name: 'node_name', value: 'llm' }, sample_rate: 0.5 }],
  });
  return {
    'POST /v2/projects': () => ({
      name: `Baseline project ${randomUUID()}`,
      created_by: randomUUID(),
      type: 'gen_ai',
      create_example_templates: false,
    }),
    'POST /v2/projects/{project_id}/log_streams': () => ({ name: `Baseline stream ${randomUUID()}` }),
    'POST /v2/projects/{project_id}/runs/{run_id}/scorer-settings': settings,
    'PATCH /v2/projects/{project_id}/runs/{run_id}/scorer-settings': settings,
    'POST /v2/scorers/code/validate': () => ({
      file: CODE,
      test_input: 'input',
      test_output: 'output',
      required_scorers: ['other'],
      scoreable_node_types: ['llm', 'chat'],
    }),
    'POST /v2/scorers/{scorer_id}/version/code': () => ({
      file: CODE,
      validation_result: JSON.stringify({ result: { result_type: 'valid', score_type: 'float', scoreable_node_types: ['llm'] } }),
    }),
  };
}
