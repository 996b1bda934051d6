/** Every position of free-form JSON a client can write, in both dialects (contract §10). */
type Response = { status: number; body: any };
type Send = (method: 'post' | 'patch', path: string, body: unknown) => Promise<Response>;

/** A free-form position: `put(text)` builds a body holding `text` there, `field` is the top-level field named in the error. */
export interface Position {
  name: string;
  send: (body: unknown) => Promise<Response>;
  field: string;
  put: (text: string) => unknown;
}

const asLeaf = (build: (leaf: unknown) => unknown) => (text: string) => build(text);
const asKey = (build: (leaf: unknown) => unknown) => (text: string) => build({ [text]: 1 });

export function freeFormPositions(galileo: Send, respan: Send, scorerId: string): Position[] {
  const scorer = (filters: unknown) => ({ name: `S ${Math.random()}`, scorer_type: 'llm', defaults: { filters: [filters] } });
  const evaluator = (extra: Record<string, unknown>) => ({
    name: `E ${Math.random()}`,
    type: 'llm',
    score_value_type: 'single_select',
    score_config: { choices: [{ name: 'ok', value: 1 }] },
    ...extra,
  });
  const positionsFor = (name: string, send: Position['send'], field: string, build: (leaf: unknown) => unknown): Position[] => [
    { name: `${name}, a leaf`, send, field, put: asLeaf(build) },
    { name: `${name}, a key`, send, field, put: asKey(build) },
  ];
  return [
    ...positionsFor(
      'POST /v2/scorers defaults.filters[]',
      (body) => galileo('post', '/v2/scorers', body),
      'defaults',
      (leaf) => scorer({ node: { deep: [leaf] } }),
    ),
    ...positionsFor(
      'PATCH /v2/scorers defaults.filters[]',
      (body) => galileo('patch', `/v2/scorers/${scorerId}`, body),
      'defaults',
      (leaf) => ({
        defaults: { filters: [{ nested: leaf }] },
      }),
    ),
    ...positionsFor(
      'POST /v2/scorers roll_up_method',
      (body) => galileo('post', '/v2/scorers', body),
      'roll_up_method',
      (leaf) => ({
        name: 'R',
        scorer_type: 'llm',
        roll_up_method: [leaf],
      }),
    ),
    ...positionsFor(
      'POST version/llm chain_poll_template.response_schema',
      (body) => galileo('post', `/v2/scorers/${scorerId}/version/llm`, body),
      'chain_poll_template',
      (leaf) => ({ chain_poll_template: { template: 't', response_schema: { properties: { x: leaf } } } }),
    ),
    {
      name: 'POST health-scores secondary, a key',
      send: (body) => galileo('post', `/v2/scorers/${scorerId}/versions/1/health-scores`, body),
      field: 'secondary',
      put: (text) => ({
        dataset_id: '0b6f9f5e-8f2c-4c44-9a57-3d6f0c1e2b7a',
        health_score_type: 'f1',
        score: 1,
        secondary: { [text]: 0.5 },
      }),
    },
    ...positionsFor(
      'POST /api/evaluators/ score_config.choices[]',
      (body) => respan('post', '/api/evaluators/', body),
      'score_config',
      (leaf) => evaluator({ score_config: { choices: [{ name: leaf, value: leaf }] } }),
    ),
    ...positionsFor(
      'POST /api/evaluators/ passing_conditions.primary_score',
      (body) => respan('post', '/api/evaluators/', body),
      'passing_conditions',
      (leaf) => evaluator({ passing_conditions: { primary_score: { operator: 'in', value: [leaf], unknown: leaf } } }),
    ),
    ...positionsFor(
      'PATCH /api/evaluators/ score_config',
      (body) => respan('patch', `/api/evaluators/${scorerId}/`, body),
      'score_config',
      (leaf) => ({
        score_config: { choices: [{ name: 'a', value: leaf }] },
      }),
    ),
    ...positionsFor(
      'POST /api/scores/ inputs',
      (body) => respan('post', '/api/scores/', body),
      'inputs',
      (leaf) => ({
        evaluator_slug: 'free',
        log_id: 'log-boundary',
        inputs: { messages: [{ content: leaf }] },
      }),
    ),
    {
      name: 'POST /api/scores/ categorical_value[]',
      send: (body) => respan('post', '/api/scores/', body),
      field: 'categorical_value',
      put: (text) => ({ evaluator_slug: 'free', log_id: 'log-boundary', categorical_value: ['fine', text] }),
    },
    ...positionsFor(
      'POST /api/scores/list/ filters',
      (body) => respan('post', '/api/scores/list/', body),
      'filters',
      (leaf) => ({
        filters: { log_id: { operator: '', value: leaf } },
      }),
    ),
  ];
}
