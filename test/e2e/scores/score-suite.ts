import { createEvaluator } from '../../support/scores';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

/** How most score suites start: the app, a tenant whose key is described `<label> key`, another tenant, one evaluator. */
export interface ScoreSuite {
  t: TestApp;
  tenant: Tenant;
  other: Tenant;
  evaluator: { id: string; evaluator_slug: string };
}

export async function startScoreSuite(label: string, evaluator: Record<string, unknown>): Promise<ScoreSuite> {
  const t = await startTestApp();
  const tenant = await createTenant(t.app, label);
  const other = await createTenant(t.app, 'other');
  return { t, tenant, other, evaluator: await createEvaluator(t, tenant, evaluator) };
}
