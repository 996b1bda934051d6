import { createHash, randomBytes } from 'node:crypto';
import { call } from './http.ts';

/** The numerical evaluator with passing conditions every score workload writes against. */
export const NUMERIC_EVALUATOR = {
  name: 'Bench numeric',
  evaluator_slug: 'bench_numeric',
  type: 'llm',
  score_value_type: 'numerical',
  score_config: { min_score: 0, max_score: 10 },
  passing_conditions: { primary_score: { operator: 'gte', value: 5 } },
  description: 'Answer quality from 0 to 10; 5 and above passes.',
  tags: ['bench', 'quality'],
};

export const HEALTH_SCORE_TYPES = ['accuracy', 'f1'];

/** A key for a seeded organization, with what the api_keys table stores of it. */
export function seededApiKey(): { key: string; prefix: string; hash: string; truncated: string } {
  const key = `sk-list-${randomBytes(32).toString('base64url')}`;
  return {
    key,
    prefix: key.slice(0, 12),
    hash: createHash('sha256').update(key, 'utf8').digest('hex'),
    truncated: `${key.slice(0, 6)}…${key.slice(-4)}`,
  };
}

export interface WritingFixture {
  evaluatorId: string;
  versionNumber: number;
}

/** Creates the evaluator and a first version through the service's own API, as a client would. */
export async function createWritingFixture(baseUrl: string, apiKey: string): Promise<WritingFixture> {
  const evaluator = await call<{ id: string }>(baseUrl, apiKey, 'POST', '/api/evaluators/', NUMERIC_EVALUATOR, 201);
  const version = await call<{ version: number }>(baseUrl, apiKey, 'POST', `/v2/scorers/${evaluator.id}/version/llm`, {
    model_name: 'gpt-4o-mini',
    num_judges: 3,
    instructions: 'Rate the answer from 0 to 10.',
  });
  return { evaluatorId: evaluator.id, versionNumber: version.version };
}

/** A create body for the numerical evaluator; `n` makes its log (and so its unique key) new. */
export function scoreCreateBody(logPrefix: string, n: number): Record<string, unknown> {
  return {
    log_id: `${logPrefix}-${n}`,
    evaluator_slug: NUMERIC_EVALUATOR.evaluator_slug,
    numerical_value: (n * 7) % 11,
    environment: 'production',
    scorer: 'bench-runner',
    inputs: { question: `What is ${n} + ${n}?`, answer: String(2 * n) },
  };
}

/** Creates `count` scores through the API, `concurrency` at a time, and returns their ids. */
export async function createScores(baseUrl: string, apiKey: string, count: number, logPrefix: string, concurrency = 16): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const n = next++;
      ids.push((await call<{ id: string }>(baseUrl, apiKey, 'POST', '/api/scores/', scoreCreateBody(logPrefix, n), 201)).id);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return ids;
}
