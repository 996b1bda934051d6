import { randomUUID } from 'node:crypto';
import { IdentityService } from '../../../src/identity/identity.service';
import { type Tenant, createTenant, withServices } from '../../support/tenants';
import type { TestApp } from '../../support/test-app';
import { send } from './http';

/** What one organization owns, by the path parameter names of the document. */
export interface Owned {
  tenant: Tenant;
  jwt: string;
  scorerId: string;
  /** The scorer's first version. */
  scorerVersion: { id: string; version: number };
  evaluators: { id: string; slug: string; valueType: string }[];
  scoreIds: string[];
  logId: string;
  logScoreId: string;
  datasetId: string;
  /** A key that may be deleted (never the one the tests call with). */
  spareKeyId: string;
  projectId: string;
  /** A log stream of the project: a run with scorer settings. */
  logStreamId: string;
  /** A code validation task. */
  taskId: string;
}

const VALUE_TYPES: Record<string, Record<string, unknown>> = {
  numerical: { score_config: { min_score: 0, max_score: 10 }, passing_conditions: { primary_score: { operator: 'gte', value: 5 } } },
  percentage: {},
  boolean: { passing_conditions: { primary_score: { operator: 'eq', value: true } } },
  single_select: {
    score_config: {
      choices: [
        { name: 'good', value: 1 },
        { name: 'bad', value: 0 },
      ],
    },
  },
  multi_select: {
    score_config: {
      choices: [
        { name: 'a', value: 1 },
        { name: 'b', value: 2 },
      ],
    },
  },
  text: {},
  json: {},
};

async function ok(res: Promise<{ status: number; body: any; text: string }>, what: string): Promise<any> {
  const answer = await res;
  if (answer.status >= 300) throw new Error(`${what}: ${answer.status} ${answer.text}`);
  return answer.body;
}

/** An organization with a scorer (two versions, a health score), one evaluator per value type, scores, and a spare key. */
export async function createOwned(t: TestApp, label: string): Promise<Owned> {
  const tenant = await createTenant(t.app, label);
  const base = t.baseUrl;
  const galileo = (method: string, path: string, body?: unknown) => send(base, { method, path, body, headers: tenant.galileoKey });
  const respan = (method: string, path: string, body?: unknown) => send(base, { method, path, body, headers: tenant.bearerKey });
  const jwt = (await ok(send(base, { method: 'POST', path: '/login/api_key', body: { api_key: tenant.apiKey } }), 'jwt')).access_token;
  const scorer = await ok(galileo('POST', '/v2/scorers', { name: `${label} scorer`, scorer_type: 'llm', tags: [label] }), 'scorer');
  const firstVersion = await ok(galileo('POST', `/v2/scorers/${scorer.id}/version/preset`, {}), 'version 1');
  await ok(galileo('POST', `/v2/scorers/${scorer.id}/version/llm`, { model_name: 'gpt-4o' }), 'version 2');
  const datasetId = randomUUID();
  await ok(
    galileo('POST', `/v2/scorers/${scorer.id}/versions/1/health-scores`, { dataset_id: datasetId, health_score_type: 'f1', score: 0.5 }),
    'health score',
  );
  const evaluators = [];
  for (const [valueType, extra] of Object.entries(VALUE_TYPES)) {
    const slug = `${label}_${valueType}_${randomUUID().slice(0, 6)}`;
    const body = { name: slug, evaluator_slug: slug, type: 'llm', score_value_type: valueType, ...extra };
    const evaluator = await ok(respan('POST', '/api/evaluators/', body), `evaluator ${valueType}`);
    evaluators.push({ id: evaluator.id, slug, valueType });
  }
  const numerical = evaluators[0];
  const scoreIds = [];
  for (let i = 0; i < 3; i++) {
    const score = await ok(
      respan('POST', '/api/scores/', { evaluator_id: numerical.id, log_id: `${label}-log-${randomUUID()}`, numerical_value: i }),
      'score',
    );
    scoreIds.push(score.id);
  }
  const logId = `${label}-log-${randomUUID()}`;
  const logScore = await ok(
    respan('POST', `/api/logs/${logId}/scores/`, { evaluator_slug: 'custom_note', string_value: 'x' }),
    'log score',
  );
  const project = await ok(galileo('POST', '/v2/projects', { name: `${label} project` }), 'project');
  const stream = await ok(galileo('POST', `/v2/projects/${project.id}/log_streams`, { name: `${label} stream` }), 'log stream');
  await ok(
    galileo('POST', `/v2/projects/${project.id}/runs/${stream.id}/scorer-settings`, {
      run_id: stream.id,
      scorers: [{ id: scorer.id, scorer_type: 'llm' }],
    }),
    'scorer settings',
  );
  const form = new FormData();
  form.append('file', new Blob(['def scorer_fn(step) -> float:\n    return 1.0\n']), 'scorer.py');
  const task = await fetch(`${base}/v2/scorers/code/validate`, { method: 'POST', headers: tenant.galileoKey, body: form });
  if (task.status !== 200) throw new Error(`code validation task: ${task.status} ${await task.text()}`);
  const spare = await withServices(t.app, () =>
    t.app.get(IdentityService).createApiKey(tenant.organizationId, tenant.userId, tenant.userId, { description: 'spare', expiresAt: null }),
  );
  return {
    tenant,
    jwt,
    scorerId: scorer.id,
    scorerVersion: { id: firstVersion.id, version: firstVersion.version },
    evaluators,
    scoreIds,
    logId,
    logScoreId: logScore.id,
    datasetId,
    spareKeyId: spare.apiKey.id,
    projectId: project.id,
    logStreamId: stream.id,
    taskId: ((await task.json()) as { task_id: string }).task_id,
  };
}

/** The ids an organization owns that can fill the path parameter `name` of `template`. */
export function ownedIds(owned: Owned, template: string, name: string): string[] {
  switch (name) {
    case 'scorer_id':
      return [owned.scorerId];
    case 'version_number':
      return ['1', '2'];
    case 'user_id':
      return [owned.tenant.userId];
    case 'api_key_id':
      return [owned.spareKeyId];
    case 'log_id':
      return [owned.logId];
    case 'score_id':
      return [owned.logScoreId];
    case 'project_id':
      return [owned.projectId];
    case 'run_id':
      return [owned.logStreamId];
    case 'task_id':
      return [owned.taskId];
    case 'id':
      return template.startsWith('/api/evaluators') ? owned.evaluators.map((evaluator) => evaluator.id) : owned.scoreIds;
    default:
      throw new Error(`no fixture for path parameter ${name} of ${template}`);
  }
}
