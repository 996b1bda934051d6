/**
 * Respan's Python SDK (`respan`), replayed: it cannot be installed here. From respanai/respan at
 * b748c39dd6a330edd48e45e407b5f735eb2adddc:
 * - python-sdks/respan/src/respan/utils/client.py (RespanClient: strips one trailing `/api` from the
 *   base URL, `Authorization: Bearer <key>`, `raise_for_status()`, `response.json()`);
 * - python-sdks/respan/src/respan/constants/__init__.py and constants/evaluator_constants.py
 *   (`evaluators/` to list, `evaluators/{id}` to get);
 * - python-sdks/respan/src/respan/evaluators/api.py (EvaluatorAPI.list: `page`, `page_size` and filters
 *   as query parameters; EvaluatorAPI.get), parsed by
 * - python-sdks/respan-sdk/src/respan_sdk/respan_types/evaluator_types.py (Evaluator: id, name, slug,
 *   description: str = "", created_at, updated_at) and respan_types/generic_types.py
 *   (PaginatedResponseType: results, count, next, previous).
 */
import { createEvaluator } from '../../support/scores';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';
import { ReplayClient } from './support/replay-client';
import { respanEvaluator, respanEvaluatorList } from './support/sdk-parsing';

/** RespanClient's base URL: `RESPAN_BASE_URL` without its trailing slash and one trailing `/api`. */
const respanBase = (configured: string) => configured.replace(/\/+$/, '').replace(/\/api$/, '');

describe('Respan Python SDK, replayed: EvaluatorAPI.list and EvaluatorAPI.get', () => {
  let t: TestApp;
  let tenant: Tenant;
  let sdk: ReplayClient;
  let described: { id: string; evaluator_slug: string };
  let undescribed: { id: string; evaluator_slug: string };

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'respan-sdk');
    described = await createEvaluator(t, tenant, { score_value_type: 'numerical', description: 'How relevant' });
    undescribed = await createEvaluator(t, tenant, { score_value_type: 'boolean' });
    sdk = new ReplayClient(respanBase(`${t.baseUrl}/api`), {
      Authorization: `Bearer ${tenant.apiKey}`,
      'Content-Type': 'application/json',
    });
  });
  afterAll(() => t.close());

  it('lists evaluators at the host root, every one with a slug and a string description', async () => {
    const page = await sdk.call('GET', 'evaluators/', { query: { page: 1, page_size: 50 } }, respanEvaluatorList);
    expect(page.count).toBe(2);
    const bySlug = new Map(page.results.map((evaluator: any) => [evaluator.slug, evaluator]));
    expect(bySlug.get(described.evaluator_slug)).toMatchObject({ id: described.id, description: 'How relevant' });
    expect(bySlug.get(undescribed.evaluator_slug)).toMatchObject({ id: undescribed.id, description: '' });
    const unfiltered = await sdk.call('GET', 'evaluators/', {}, respanEvaluatorList);
    expect(unfiltered.results).toHaveLength(2);
  });

  it('gets one evaluator at the host root, with and without the trailing slash', async () => {
    sdk.take();
    for (const path of [`evaluators/${undescribed.id}`, `evaluators/${undescribed.id}/`]) {
      const evaluator = await sdk.call('GET', path, {}, respanEvaluator);
      expect(evaluator).toMatchObject({
        id: undescribed.id,
        slug: undescribed.evaluator_slug,
        evaluator_slug: undescribed.evaluator_slug,
        description: '',
      });
    }
    expect(sdk.take()).toEqual([`GET /evaluators/${undescribed.id}`, `GET /evaluators/${undescribed.id}/`]);
  });

  it('answers a missing evaluator as DRF does (raise_for_status raises on it)', async () => {
    const missing = await t.http.get('/evaluators/00000000-0000-4000-8000-000000000000').set(tenant.bearerKey);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ detail: 'Not found.' });
    const unauthenticated = await t.http.get('/evaluators/');
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.body).toEqual({ detail: 'Authentication credentials were not provided.' });
  });

  it('serves the same fields under /api/evaluators/ (and in scores’ embedded evaluator)', async () => {
    const res = await t.http.get(`/api/evaluators/${undescribed.id}/`).set(tenant.bearerKey);
    expect(respanEvaluator(res.body)).toEqual([]);
    expect(res.body).toMatchObject({ slug: undescribed.evaluator_slug, description: '' });
  });

  it('the parsing rules refuse what pydantic refuses', () => {
    const valid = {
      id: 'x',
      name: 'n',
      slug: 's',
      description: '',
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
    };
    expect(respanEvaluator(valid)).toEqual([]);
    expect(respanEvaluator({ ...valid, description: null })).toEqual(['/description must be a string']);
    expect(respanEvaluator({ ...valid, slug: undefined })).toEqual(['/slug must be a string']);
    expect(respanEvaluatorList({ results: [valid], count: '1' })).toEqual(['/count must be an int']);
  });
});
