import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app';
import type { Tenant } from './tenants';

/** Creates an evaluator through the Respan route and returns its body. */
export async function createEvaluator(
  t: TestApp,
  tenant: Tenant,
  body: Record<string, unknown>,
): Promise<Record<string, unknown> & { id: string; evaluator_slug: string }> {
  const slug = (body.evaluator_slug as string | undefined) ?? `ev_${randomUUID().slice(0, 8)}`;
  const res = await t.http
    .post('/api/evaluators/')
    .set(tenant.bearerKey)
    .send({ name: slug, type: 'llm', evaluator_slug: slug, ...body });
  if (res.status !== 201) throw new Error(`evaluator create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Creates a score through `POST /api/scores/` (a fresh log id unless given) and returns the response. */
export function postScore(t: TestApp, tenant: Tenant, body: Record<string, unknown>) {
  return t.http
    .post('/api/scores/')
    .set(tenant.bearerKey)
    .send({ log_id: `log-${randomUUID()}`, ...body });
}

export const newLogId = (): string => `log-${randomUUID()}`;
