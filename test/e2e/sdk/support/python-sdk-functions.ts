/**
 * Galileo's Python SDK functions as they reach the API (rungalileo/galileo-python at
 * a1a0821789e77b4e6ff9bd3fc8cb862fd256d2ca; the files replayed are listed in galileo-python-sdk.spec.ts), over a ReplayClient.
 */
import type { ReplayClient } from './replay-client';
import { listOf, model } from './sdk-parsing';

export type Json = Record<string, any>;

/** Scorers._list_with_filters: POST /scorers/list page after page while `next_starting_token` is an int. */
export async function listScorers(sdk: ReplayClient, filters: Json[]): Promise<Json[]> {
  const scorers: Json[] = [];
  let startingToken = 0;
  for (;;) {
    const page = await sdk.call(
      'POST',
      '/scorers/list',
      { json: { filters }, query: { starting_token: startingToken, limit: 100 } },
      model('ListScorersResponse'),
    );
    scorers.push(...(page.scorers ?? []));
    if (!Number.isInteger(page.next_starting_token)) return scorers;
    startingToken = page.next_starting_token;
  }
}

export const byName = (name: string) => [{ operator: 'eq', value: name, name: 'name', case_sensitive: false }];

/** Metrics.create_custom_llm_metric with its defaults. */
export async function createCustomLlmMetric(sdk: ReplayClient, name: string, userPrompt: string): Promise<Json> {
  const scorer = await sdk.call(
    'POST',
    '/scorers',
    {
      json: {
        name,
        scorer_type: 'llm',
        description: '',
        tags: [],
        defaults: { model_name: 'gpt-4.1-mini', num_judges: 3, cot_enabled: true },
        scoreable_node_types: ['llm'],
        output_type: 'boolean',
        ground_truth: false,
      },
    },
    model('ScorerResponse'),
  );
  return sdk.call('POST', `/scorers/${scorer.id}/version/llm`, { json: { user_prompt: userPrompt } }, model('BaseScorerVersionResponse'));
}

/** GalileoLogger._init_project then _init_log_stream: each looked up by name, created when missing. */
export async function initLogger(
  sdk: ReplayClient,
  projectName: string,
  logStreamName: string,
): Promise<{ projectId: string; logStreamId: string }> {
  const found = await sdk.call('GET', '/projects', { query: { project_name: projectName, type: 'gen_ai' } }, listOf('ProjectDB'));
  let projectId: string;
  if (found.length === 0) {
    const body = { name: projectName, type: 'gen_ai', create_example_templates: false, created_by: null };
    projectId = (await sdk.call('POST', '/projects', { json: body }, model('ProjectCreateResponse'))).id;
  } else {
    if (found[0].type !== 'gen_ai') throw new Error(`Project ${projectName} is not a Galileo 2.0 project`);
    projectId = found[0].id;
  }
  const stream = (await listLogStreams(sdk, projectId)).find((candidate) => candidate.name === logStreamName);
  const logStreamId =
    stream?.id ??
    (await sdk.call('POST', `/projects/${projectId}/log_streams`, { json: { name: logStreamName } }, model('LogStreamResponse'))).id;
  return { projectId, logStreamId };
}

/** LogStreams._list_all: the paginated list, 500 at a time, while `paginated` and a new int token come back. */
export async function listLogStreams(sdk: ReplayClient, projectId: string): Promise<Json[]> {
  const streams: Json[] = [];
  const seen = new Set<number>();
  let startingToken = 0;
  for (;;) {
    const page = await sdk.call(
      'GET',
      `/projects/${projectId}/log_streams/paginated`,
      { query: { include_counts: false, starting_token: startingToken, limit: 500 } },
      model('ListLogStreamResponse'),
    );
    streams.push(...page.log_streams);
    const next = page.next_starting_token;
    if (next === null || next === undefined || !page.paginated || !Number.isInteger(next) || seen.has(next)) return streams;
    seen.add(next);
    startingToken = next;
  }
}

/** CodeMetric._validate_code: submit, then poll until the task is no longer pending (any other status raises). */
export async function validateCode(sdk: ReplayClient, code: string): Promise<Json> {
  const task = await sdk.call(
    'POST',
    '/scorers/code/validate',
    {
      multipart: {
        files: { file: { name: 'scorer.py', content: code } },
        fields: { scoreable_node_types: ['llm'], required_scorers: 'None' },
      },
    },
    model('ValidateCodeScorerResponse'),
  );
  for (let attempt = 0; attempt < 50; attempt++) {
    const result = await sdk.call('GET', `/scorers/code/validate/${task.task_id}`, {}, model('RegisteredScorerTaskResultResponse'));
    if (result.status === 'completed') return result;
    if (result.status !== 'pending') throw new Error(`Unknown task status: ${result.status}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('Code validation timed out');
}
