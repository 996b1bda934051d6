import { randomUUID } from 'node:crypto';

/** What organization A owns; B calls every route with these ids. */
export interface Owned {
  scorerId: string;
  evaluatorId: string;
  evaluatorSlug: string;
  scoreId: string;
  logId: string;
  datasetId: string;
  tag: string;
  userId: string;
  apiKeyId: string;
  projectId: string;
  projectName: string;
  logStreamId: string;
  taskId: string;
}

export interface RouteCase {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The path as the OpenAPI document writes it. */
  template: string;
  path: (a: Owned) => string;
  body?: (a: Owned) => unknown;
  /** A multipart form instead of a JSON body: its text fields, and a file part named `file`. */
  form?: { fields: Record<string, string>; file: string };
  /** What B must get: 404 for a resource of A, 400 for a body that names A's resource, a (filtered) 2xx for a collection. */
  expect: 404 | 400 | 'collection';
}

export const CODE = 'def scorer_fn(step) -> float:\n    return 1.0\n';
const settings = (a: Owned) => ({ run_id: a.logStreamId, scorers: [{ id: a.scorerId, scorer_type: 'llm' }] });

/** The routes Galileo's SDKs call beyond the scorer family (contract §8). */
export const SDK_ROUTES: RouteCase[] = [
  { method: 'get', template: '/v2/current_user', path: () => '/v2/current_user', expect: 'collection' },
  {
    method: 'post',
    template: '/v2/scorers/{scorer_id}/version/code',
    path: (a) => `/v2/scorers/${a.scorerId}/version/code`,
    form: { fields: { validation_result: '{}' }, file: CODE },
    expect: 404,
  },
  { method: 'get', template: '/v2/scorers/{scorer_id}/version/code', path: (a) => `/v2/scorers/${a.scorerId}/version/code`, expect: 404 },
  {
    method: 'post',
    template: '/v2/scorers/code/validate',
    path: () => '/v2/scorers/code/validate',
    form: { fields: { scoreable_node_types: 'llm' }, file: CODE },
    expect: 'collection',
  },
  { method: 'get', template: '/v2/scorers/code/validate/{task_id}', path: (a) => `/v2/scorers/code/validate/${a.taskId}`, expect: 404 },
  {
    method: 'get',
    template: '/v2/projects',
    path: (a) => `/v2/projects?project_name=${encodeURIComponent(a.projectName)}&type=gen_ai`,
    expect: 'collection',
  },
  {
    method: 'post',
    template: '/v2/projects',
    path: () => '/v2/projects',
    body: () => ({ name: `B project ${randomUUID()}` }),
    expect: 'collection',
  },
  { method: 'get', template: '/v2/projects/{project_id}', path: (a) => `/v2/projects/${a.projectId}`, expect: 404 },
  {
    method: 'get',
    template: '/v2/projects/{project_id}/log_streams',
    path: (a) => `/v2/projects/${a.projectId}/log_streams`,
    expect: 404,
  },
  {
    method: 'post',
    template: '/v2/projects/{project_id}/log_streams',
    path: (a) => `/v2/projects/${a.projectId}/log_streams`,
    body: () => ({ name: 'B stream' }),
    expect: 404,
  },
  {
    method: 'get',
    template: '/v2/projects/{project_id}/log_streams/paginated',
    path: (a) => `/v2/projects/${a.projectId}/log_streams/paginated`,
    expect: 404,
  },
  {
    method: 'get',
    template: '/v2/projects/{project_id}/runs/{run_id}/scorer-settings',
    path: (a) => `/v2/projects/${a.projectId}/runs/${a.logStreamId}/scorer-settings`,
    expect: 404,
  },
  {
    method: 'post',
    template: '/v2/projects/{project_id}/runs/{run_id}/scorer-settings',
    path: (a) => `/v2/projects/${a.projectId}/runs/${a.logStreamId}/scorer-settings`,
    body: settings,
    expect: 404,
  },
  {
    method: 'patch',
    template: '/v2/projects/{project_id}/runs/{run_id}/scorer-settings',
    path: (a) => `/v2/projects/${a.projectId}/runs/${a.logStreamId}/scorer-settings`,
    body: settings,
    expect: 404,
  },
];

/**
 * Scorekeeper's own score routes (contract §9): batches, summaries, exports. A batch naming A's evaluator by id fails that item (400
 * inside a 200 answer); by slug it is a custom evaluator of B's, never linked to A's. B's summary of A's evaluator is empty; B's export (CSV, compared as text) is B's.
 */
export const OWN_SCORE_ROUTES: RouteCase[] = [
  {
    method: 'post',
    template: '/api/scores/batch/',
    path: () => '/api/scores/batch/',
    body: (a) => ({
      scores: [
        { evaluator_id: a.evaluatorId, log_id: a.logId, numerical_value: 4 },
        { evaluator_slug: a.evaluatorSlug, log_id: a.logId, numerical_value: 4 },
      ],
    }),
    expect: 'collection',
  },
  {
    method: 'get',
    template: '/api/scores/summary/',
    path: (a) => `/api/scores/summary/?evaluator_id=${a.evaluatorId}&group_by=environment,dataset_id`,
    expect: 'collection',
  },
  {
    method: 'post',
    template: '/api/scores/summary/',
    path: () => '/api/scores/summary/?compare=dataset_id:x,y',
    body: (a) => ({ filters: { evaluator_slug: { operator: '', value: a.evaluatorSlug } } }),
    expect: 'collection',
  },
  { method: 'get', template: '/api/scores/export/', path: () => '/api/scores/export/?format=csv', expect: 'collection' },
];
