import { createEvaluator, postScore } from '../../support/scores';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

const PATCHES = 50;
const THRESHOLD = 25;

/** Concurrent PATCHes of different fields both survive (contract §4): the row is locked for each read-modify-write. */
describe('concurrent PATCHes', () => {
  let t: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'concurrency');
  });
  afterAll(() => t.close());

  it(`${PATCHES} parallel PATCHes, half numerical_value and half string_value: no write lost, is_passed consistent, one revision each`, async () => {
    const evaluator = await createEvaluator(t, tenant, {
      score_value_type: 'numerical',
      passing_conditions: { primary_score: { operator: 'gte', value: THRESHOLD } },
    });
    const created = await postScore(t, tenant, { evaluator_id: evaluator.id, numerical_value: 0, string_value: 'initial' });
    const id = created.body.id;
    const sentNumbers = new Set<number>();
    const sentStrings = new Set<string>();
    const bodies = Array.from({ length: PATCHES }, (_, index) => {
      if (index % 2 === 0) {
        sentNumbers.add(index);
        return { numerical_value: index };
      }
      sentStrings.add(`reason ${index}`);
      return { string_value: `reason ${index}` };
    });

    const answers = await Promise.all(bodies.map((body) => t.http.patch(`/api/scores/${id}/`).set(tenant.bearerKey).send(body)));
    expect(answers.map((res) => res.status)).toEqual(Array(PATCHES).fill(200));
    expect(new Set(answers.map((res) => res.headers.etag)).size).toBe(PATCHES);

    const final = (await t.http.get(`/api/scores/${id}/`).set(tenant.bearerKey)).body;
    expect(sentNumbers.has(final.numerical_value)).toBe(true);
    expect(sentStrings.has(final.string_value)).toBe(true);
    expect(final.is_passed).toBe(final.numerical_value >= THRESHOLD);

    const history = (await t.http.get(`/api/scores/${id}/history/?page_size=100`).set(tenant.bearerKey)).body;
    expect(history.count).toBe(PATCHES + 1);
    expect(history.results.map((revision: { revision: number }) => revision.revision)).toEqual(
      Array.from({ length: PATCHES + 1 }, (_, index) => index + 1),
    );
    expect(history.results.filter((revision: { operation: string }) => revision.operation === 'update')).toHaveLength(PATCHES);
    const last = history.results[PATCHES].values;
    expect({ numerical_value: last.numerical_value, string_value: last.string_value, is_passed: last.is_passed }).toEqual({
      numerical_value: final.numerical_value,
      string_value: final.string_value,
      is_passed: final.is_passed,
    });
    // Every revision carries the other field as the previous revision left it: each PATCH saw the latest row.
    for (let index = 1; index < history.results.length; index++) {
      const [before, after] = [history.results[index - 1].values, history.results[index].values];
      const changedNumber = before.numerical_value !== after.numerical_value;
      const changedString = before.string_value !== after.string_value;
      expect(changedNumber && changedString).toBe(false);
      expect(after.is_passed).toBe(after.numerical_value >= THRESHOLD);
    }
  });
});
