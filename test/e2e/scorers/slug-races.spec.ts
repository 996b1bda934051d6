import { randomBytes } from 'node:crypto';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

const PARALLEL = 20;
const SLUG_LIMIT = 100;

/**
 * Derived unique values under concurrency (contract §10): creates that derive the same slug from one
 * name, in parallel, through either dialect, each get a distinct slug within the slug limit, never a
 * 500; a given slug that races keeps its 400 "already exists".
 */
describe(`${PARALLEL} parallel creates of one name`, () => {
  let t: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'slugs');
  });
  afterAll(() => t.close());

  const galileoCreate = (name: string) => t.http.post('/v2/scorers').set(tenant.galileoKey).send({ name, scorer_type: 'llm' });
  const respanCreate = (name: string, slug?: string) =>
    t.http
      .post('/api/evaluators/')
      .set(tenant.bearerKey)
      .send({ name, type: 'llm', score_value_type: 'numerical', ...(slug ? { evaluator_slug: slug } : {}) });
  /** The slug as both dialects show it (Galileo's metric_name, Respan's evaluator_slug), which must agree. */
  const slugOf = async (id: string): Promise<string> => {
    const [galileo, respan] = await Promise.all([
      t.http.get(`/v2/scorers/${id}`).set(tenant.galileoKey),
      t.http.get(`/api/evaluators/${id}/`).set(tenant.bearerKey),
    ]);
    expect(galileo.body.metric_name).toBe(respan.body.evaluator_slug);
    return respan.body.evaluator_slug;
  };

  async function expectDistinctSlugs(answers: { status: number; body: { id: string } }[], base: string): Promise<string[]> {
    expect(answers.filter((res) => res.status >= 500)).toEqual([]);
    expect(answers.map((res) => res.status).filter((status) => status !== 200 && status !== 201)).toEqual([]);
    const slugs = await Promise.all(answers.map((res) => slugOf(res.body.id)));
    expect(new Set(slugs).size).toBe(answers.length);
    for (const slug of slugs) {
      expect(slug.length).toBeLessThanOrEqual(SLUG_LIMIT);
      expect(slug.startsWith(base.slice(0, SLUG_LIMIT - 3))).toBe(true);
    }
    return slugs;
  }

  const uniqueName = (label: string) => `${label} ${randomBytes(3).toString('hex')}`;
  const baseOf = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '_');

  it('POST /v2/scorers: all 200, distinct slugs, the first plain and the others numbered', async () => {
    const name = uniqueName('Galileo race');
    const slugs = await expectDistinctSlugs(await Promise.all(Array.from({ length: PARALLEL }, () => galileoCreate(name))), baseOf(name));
    expect(slugs.sort()).toEqual([baseOf(name), ...Array.from({ length: PARALLEL - 1 }, (_, i) => `${baseOf(name)}_${i + 2}`)].sort());
  });

  it('POST /api/evaluators/: all 201, distinct slugs', async () => {
    const name = uniqueName('Respan race');
    await expectDistinctSlugs(await Promise.all(Array.from({ length: PARALLEL }, () => respanCreate(name))), baseOf(name));
  });

  it('both dialects at once', async () => {
    const name = uniqueName('Both dialects');
    const answers = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => (i % 2 ? galileoCreate(name) : respanCreate(name))));
    await expectDistinctSlugs(answers, baseOf(name));
  });

  it('a name whose slug is longer than the limit: base and suffix cut to fit, still distinct', async () => {
    const name = `${'Long name '.repeat(24)}${randomBytes(3).toString('hex')}`;
    expect(baseOf(name).length).toBeGreaterThan(SLUG_LIMIT);
    const slugs = await expectDistinctSlugs(
      await Promise.all(Array.from({ length: PARALLEL }, (_, i) => (i % 2 ? galileoCreate(name) : respanCreate(name)))),
      baseOf(name),
    );
    expect(slugs).toContain(baseOf(name).slice(0, SLUG_LIMIT));
    expect(slugs).toContain(`${baseOf(name).slice(0, SLUG_LIMIT - 3)}_12`);
    // Scores can name each of them by slug.
    for (const slug of slugs.slice(0, 3)) {
      const score = await t.http
        .post('/api/scores/')
        .set(tenant.bearerKey)
        .send({ evaluator_slug: slug, log_id: `log-${randomBytes(4).toString('hex')}`, numerical_value: 1 });
      expect(score.status).toBe(201);
      expect(score.body.evaluator_slug).toBe(slug);
    }
  });

  it('a given slug that races: one 201, the others 400 "already exists" on evaluator_slug', async () => {
    const slug = `given_${randomBytes(3).toString('hex')}`;
    const answers = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => respanCreate(`Given ${i}`, slug)));
    expect(answers.filter((res) => res.status === 201)).toHaveLength(1);
    const refused = answers.filter((res) => res.status !== 201);
    expect(refused).toHaveLength(PARALLEL - 1);
    for (const res of refused) {
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ evaluator_slug: ['evaluator with this evaluator slug already exists.'] });
    }
  });

  it('given slugs racing with derived ones for the same values: no 500, every slug distinct', async () => {
    const name = uniqueName('Mixed race');
    const base = baseOf(name);
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        i % 4 === 0 ? respanCreate(`Given ${i}`, i ? `${base}_${i / 4 + 1}` : base) : respanCreate(name),
      ),
    );
    expect(answers.filter((res) => res.status >= 500)).toEqual([]);
    const created = answers.filter((res) => res.status === 201);
    for (const res of answers.filter((answer) => answer.status !== 201)) expect(res.status).toBe(400);
    const slugs = await Promise.all(created.map((res) => slugOf(res.body.id)));
    expect(new Set(slugs).size).toBe(created.length);
    expect(created.length).toBeGreaterThanOrEqual(PARALLEL - PARALLEL / 4);
  });
});
