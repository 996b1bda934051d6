import type autocannon from 'autocannon';
import { HEALTH_SCORE_TYPES, scoreCreateBody } from './fixtures.ts';
import { authHeaders } from './http.ts';

/** What the requests of a workload name: keys, ids, datasets. */
export interface WorkloadContext {
  apiKey: string;
  scoreIds: string[];
  evaluatorId: string;
  versionNumber: number;
  datasets: string[];
  listApiKey: string;
  listEvaluatorId: string;
}

export interface Workload {
  name: string;
  title: string;
  kind: 'write' | 'list';
  /** Scores each request writes (a batch's items); 1 when absent. */
  itemsPerRequest?: number;
  /** How long a request may take before it counts as an error (autocannon's 10 s when absent). */
  timeoutSeconds?: number;
  /** A fresh request generator; `runId` keeps the created rows of every run apart. */
  request(context: WorkloadContext, runId: string): autocannon.Request;
}

/** Scores per request of the batch workload. */
const BATCH_SIZE = 100;

/** The context of the write workloads on an API-created fixture alone (no seeded lists): the writes' own key lists too. */
export const fixtureContext = (
  apiKey: string,
  fixture: { evaluatorId: string; versionNumber: number },
  scoreIds: string[],
): WorkloadContext => ({
  apiKey,
  scoreIds,
  evaluatorId: fixture.evaluatorId,
  versionNumber: fixture.versionNumber,
  datasets: [],
  listApiKey: apiKey,
  listEvaluatorId: fixture.evaluatorId,
});

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];
const json = (body: unknown): string => JSON.stringify(body);

export const WORKLOADS: Workload[] = [
  {
    name: 'patch',
    title: 'PATCH /api/scores/{id}/ (numerical_value, revision written)',
    kind: 'write',
    request: (context) => ({
      method: 'PATCH',
      headers: authHeaders(context.apiKey),
      setupRequest: (request) => ({
        ...request,
        path: `/api/scores/${pick(context.scoreIds)}/`,
        body: json({ numerical_value: Math.round(Math.random() * 100) / 10 }),
      }),
    }),
  },
  {
    name: 'create',
    title: 'POST /api/scores/ (evaluator_slug of a numerical evaluator with passing conditions)',
    kind: 'write',
    request: (context, runId) => {
      let n = 0;
      return {
        method: 'POST',
        path: '/api/scores/',
        headers: authHeaders(context.apiKey),
        setupRequest: (request) => ({ ...request, body: json(scoreCreateBody(runId, n++)) }),
      };
    },
  },
  {
    name: 'batch',
    title: `POST /api/scores/batch/ (${BATCH_SIZE} creates per request, as the create workload's)`,
    kind: 'write',
    itemsPerRequest: BATCH_SIZE,
    // 32 batches in flight queue behind each other in the embedded database's one connection.
    timeoutSeconds: 60,
    request: (context, runId) => {
      let n = 0;
      return {
        method: 'POST',
        path: '/api/scores/batch/',
        headers: authHeaders(context.apiKey),
        setupRequest: (request) => ({
          ...request,
          body: json({ scores: Array.from({ length: BATCH_SIZE }, () => scoreCreateBody(runId, n++)) }),
        }),
      };
    },
  },
  {
    name: 'health-upsert',
    title: 'POST /v2/scorers/{id}/versions/{n}/health-scores (100 datasets)',
    kind: 'write',
    request: (context) => ({
      method: 'POST',
      path: `/v2/scorers/${context.evaluatorId}/versions/${context.versionNumber}/health-scores`,
      headers: authHeaders(context.apiKey),
      setupRequest: (request) => ({
        ...request,
        body: json({
          dataset_id: pick(context.datasets),
          health_score_type: pick(HEALTH_SCORE_TYPES),
          score: Math.random(),
          secondary: { precision: Math.random(), recall: Math.random() },
        }),
      }),
    }),
  },
  {
    name: 'list-scores',
    title: 'GET /api/scores/?evaluator_id=…&page_size=50 (1M-score organization)',
    kind: 'list',
    request: (context) => ({
      method: 'GET',
      path: `/api/scores/?evaluator_id=${context.listEvaluatorId}&page_size=50`,
      headers: authHeaders(context.listApiKey),
    }),
  },
  {
    name: 'list-health',
    title: 'GET /v2/scorers/{id}/health-scores?dataset_id=… (1M-score organization)',
    kind: 'list',
    request: (context) => ({
      method: 'GET',
      headers: authHeaders(context.listApiKey),
      setupRequest: (request) => ({
        ...request,
        path: `/v2/scorers/${context.listEvaluatorId}/health-scores?dataset_id=${pick(context.datasets)}`,
      }),
    }),
  },
];

/** The workloads that also run on the embedded PGlite (absolute numbers, no baseline). */
export const PGLITE_WORKLOADS = WORKLOADS.filter((workload) => ['patch', 'create', 'batch'].includes(workload.name));
