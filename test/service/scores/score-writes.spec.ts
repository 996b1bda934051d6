import { randomUUID } from 'node:crypto';
import type { Principal } from '../../../src/auth/principal';
import type { Scorer } from '../../../src/scorers/entities/scorer.entity';
import { EvaluatorsService } from '../../../src/scorers/evaluators.service';
import type { ScoreLocator } from '../../../src/scores/model/score.types';
import { ScoresService } from '../../../src/scores/scores.service';
import { EVERY_REPLACE_FIELD, PRODUCER_FIELDS, QUALITY } from '../../support/score-bodies';
import { makeEvaluator, makeScore, refusal } from '../support/factories';
import { type ServiceContext, serviceContext, tenantOf } from '../support/service-context';

const FULL = { ...EVERY_REPLACE_FIELD, ...PRODUCER_FIELDS };

/** What a create, PUT, PATCH and the log-scoped upsert write (contract §4), through ScoresService. */
describe('ScoresService: writes', () => {
  let context: ServiceContext;
  let caller: Principal;
  let quality: Scorer;
  let scores: ScoresService;

  beforeAll(async () => {
    context = await serviceContext();
    caller = await tenantOf(context);
    scores = context.get(ScoresService);
    quality = await makeEvaluator(context, caller, QUALITY);
  });
  afterAll(() => context.close());

  const at = (id: string): ScoreLocator => ({ organizationId: caller.organizationId, id });
  const read = (id: string) => context.run(() => scores.get(at(id)));
  const history = (id: string) => context.run(() => scores.history(at(id), { page: 1, page_size: 100 }));

  describe('evaluator reference', () => {
    it.each<[string, () => Record<string, unknown>, string]>([
      ['neither id nor slug', () => ({}), 'RuleViolationException: Provide either evaluator_id or evaluator_slug.'],
      ['an unknown id', () => ({ evaluator_id: randomUUID() }), 'evaluator_id: Invalid evaluator_id'],
      ['an id that is not a UUID', () => ({ evaluator_id: 'nope' }), 'evaluator_id: Invalid evaluator_id "nope"'],
      [
        'an id and a slug that disagree',
        () => ({ evaluator_id: quality.id, evaluator_slug: 'other' }),
        'RuleViolationException: evaluator_id and evaluator_slug name different',
      ],
    ])('refuses %s', async (_name, reference, message) => {
      const [problem] = (await refusal(() => makeScore(context, caller, { numerical_value: 3, ...reference() }))) as string[];
      expect(problem.startsWith(message)).toBe(true);
    });

    it("refuses another organization's evaluator id", async () => {
      const other = await tenantOf(context);
      const theirs = await makeEvaluator(context, other, { score_value_type: 'numerical' });
      const [problem] = (await refusal(() => makeScore(context, caller, { evaluator_id: theirs.id, numerical_value: 3 }))) as string[];
      expect(problem).toContain('no evaluator with this id in your organization');
    });

    it('links a known slug, and an unknown slug is a custom human evaluator', async () => {
      const linked = await makeScore(context, caller, { evaluator_slug: quality.slug, numerical_value: 3 });
      expect(linked.score).toMatchObject({ evaluatorId: quality.id, evaluatorName: 'Quality', type: 'llm', isPassed: true });
      const custom = await makeScore(context, caller, { evaluator_slug: 'custom_writes', numerical_value: 3 });
      expect(custom.score).toMatchObject({ evaluatorId: null, evaluatorName: null, type: 'human', isPassed: false });
      expect(custom.evaluator).toBeNull();
    });
  });

  it('create defaults environment to "production", inputs to {} and the rest to null, at revision 1', async () => {
    const { score } = await makeScore(context, caller, { evaluator_id: quality.id, numerical_value: 3 });
    expect(score).toMatchObject({ environment: 'production', inputs: {}, promptId: null, timestamp: null, cost: null, revision: 1 });
    expect((await history(score.id)).revisions.map((revision) => revision.operation)).toEqual(['create']);
  });

  it('PUT sets what it is sent, resets the other request fields, keeps id, created_at and what only creates record', async () => {
    const { score } = await makeScore(context, caller, { evaluator_id: quality.id, ...FULL });
    const replaced = await context.run(() =>
      scores.replace(caller, at(score.id), { evaluator_id: quality.id, log_id: 'log-replaced', numerical_value: 2 }),
    );
    expect(replaced.score).toEqual({
      ...score,
      environment: 'production',
      logId: 'log-replaced',
      timestamp: null,
      promptId: null,
      promptVersionNumber: null,
      datasetId: null,
      automationId: null,
      scorer: null,
      numericalValue: 2,
      stringValue: null,
      booleanValue: null,
      categoricalValue: null,
      jsonValue: null,
      isPassed: false,
      revision: 2,
      updatedAt: expect.any(Date),
    });
    const { revisions } = await history(score.id);
    expect(revisions.map((revision) => [revision.revision, revision.operation])).toEqual([
      [1, 'create'],
      [2, 'replace'],
    ]);
    expect(revisions[1].values).toMatchObject({ timestamp: null, environment: 'production', numerical_value: 2, inputs: { q: 'x' } });
  });

  it('PUT resolves the evaluator anew, and on the general route requires log_id', async () => {
    const { score } = await makeScore(context, caller, { evaluator_id: quality.id, numerical_value: 3 });
    const renamed = await context.run(() =>
      scores.replace(caller, at(score.id), { evaluator_slug: 'renamed', log_id: score.logId!, string_value: 'x' }),
    );
    expect(renamed.score).toMatchObject({ evaluatorId: null, evaluatorSlug: 'renamed', evaluatorName: null, type: 'human' });
    expect(await refusal(() => context.run(() => scores.replace(caller, at(score.id), { evaluator_slug: 'renamed' })))).toEqual([
      'log_id: This field is required.',
    ]);
  });

  it('PATCH changes only the value fields it is sent, re-checks the merged values and recomputes is_passed', async () => {
    const { score } = await makeScore(context, caller, { evaluator_id: quality.id, ...FULL });
    const patched = await context.run(() =>
      scores.update(caller, at(score.id), { string_value: 'revised', boolean_value: null, numerical_value: 1 }),
    );
    expect(patched.score).toEqual({
      ...score,
      stringValue: 'revised',
      booleanValue: null,
      numericalValue: 1,
      isPassed: false,
      revision: 2,
      updatedAt: expect.any(Date),
    });
    expect(await refusal(() => context.run(() => scores.update(caller, at(score.id), { numerical_value: null })))).toEqual([
      'numerical_value: This field is required for a numerical evaluator.',
    ]);
    expect((await read(score.id)).score.revision).toBe(2);
    expect((await history(score.id)).revisions.map((revision) => revision.operation)).toEqual(['create', 'update']);
  });

  it('PATCH of a score whose evaluator was deleted applies no value rules and judges is_passed false', async () => {
    const doomed = await makeEvaluator(context, caller, {
      score_value_type: 'numerical',
      passing_conditions: { primary_score: { operator: 'gte', value: 0 } },
    });
    const { score } = await makeScore(context, caller, { evaluator_id: doomed.id, numerical_value: 3 });
    expect(score.isPassed).toBe(true);
    await context.run(() => context.get(EvaluatorsService).delete(caller.organizationId, doomed.id));
    const patched = await context.run(() => scores.update(caller, at(score.id), { numerical_value: null }));
    expect(patched).toMatchObject({ evaluator: null, score: { evaluatorId: doomed.id, numericalValue: null, isPassed: false } });
  });

  it('If-Match: a stale tag is a 412 that changes nothing; *, the current tag and weak tags are accepted', async () => {
    const { score } = await makeScore(context, caller, { evaluator_id: quality.id, numerical_value: 3 });
    const stale = await refusal(() => context.run(() => scores.update(caller, at(score.id), { numerical_value: 4 }, '"7"')));
    expect(stale).toEqual(['StateConflictException: Precondition failed: the score has changed (its ETag is now "1").']);
    await context.run(() => scores.update(caller, at(score.id), { numerical_value: 4 }, '*'));
    await context.run(() => scores.update(caller, at(score.id), { numerical_value: 5 }, 'W/"2"'));
    expect(await refusal(() => context.run(() => scores.delete(at(score.id), '"2"')))).toEqual([
      'StateConflictException: Precondition failed: the score has changed (its ETag is now "3").',
    ]);
    expect((await read(score.id)).score).toMatchObject({ numericalValue: 5, revision: 3 });
  });

  it('a second score of the same (log, evaluator, scorer) is the unique-together 400, on create and on PUT', async () => {
    const logId = `log-${randomUUID()}`;
    await makeScore(context, caller, { evaluator_id: quality.id, log_id: logId, numerical_value: 3 });
    const collision = ': The fields log_id, evaluator_slug, scorer must make a unique set.';
    expect(await refusal(() => makeScore(context, caller, { evaluator_id: quality.id, log_id: logId, numerical_value: 4 }))).toEqual([
      collision,
    ]);
    const { score } = await makeScore(context, caller, { evaluator_id: quality.id, numerical_value: 3 });
    expect(
      await refusal(() =>
        context.run(() => scores.replace(caller, at(score.id), { evaluator_id: quality.id, log_id: logId, numerical_value: 4 })),
      ),
    ).toEqual([collision]);
    expect((await read(score.id)).score.revision).toBe(1);
  });

  it('the log-scoped upsert creates the score of (log, evaluator, caller), then replaces it with a create body', async () => {
    const logId = `log-${randomUUID()}`;
    const first = await context.run(() =>
      scores.upsertForLog(caller, logId, { evaluator_id: quality.id, numerical_value: 2, cost: 1, inputs: { a: 1 } }),
    );
    expect(first).toMatchObject({ created: true, view: { score: { logId, scorer: 'service test key', cost: 1, revision: 1 } } });
    const second = await context.run(() => scores.upsertForLog(caller, logId, { evaluator_slug: quality.slug, numerical_value: 4 }));
    expect(second.created).toBe(false);
    expect(second.view.score).toMatchObject({
      id: first.view.score.id,
      numericalValue: 4,
      isPassed: true,
      cost: null,
      inputs: {},
      revision: 2,
    });
    expect((await history(first.view.score.id)).revisions.map((revision) => revision.operation)).toEqual(['create', 'replace']);
    const colleague = { ...caller, apiKeyDescription: 'another key' };
    expect((await context.run(() => scores.upsertForLog(colleague, logId, { evaluator_id: quality.id, numerical_value: 4 }))).created).toBe(
      true,
    );
  });

  it('keeps per-evaluator counts through creates, evaluator changes and deletes (the database triggers)', async () => {
    const counted = await makeEvaluator(context, caller, { score_value_type: 'numerical' });
    const count = async (evaluatorId: string) =>
      (
        await context.run(() =>
          scores.list(caller.organizationId, [{ target: 'evaluatorId', operator: 'eq', values: [evaluatorId] }], '-created_at', {
            page: 1,
            page_size: 1,
          }),
        )
      ).count;
    const one = await makeScore(context, caller, { evaluator_id: counted.id, numerical_value: 1 });
    await makeScore(context, caller, { evaluator_id: counted.id, numerical_value: 2 });
    expect(await count(counted.id)).toBe(2);
    await context.run(() =>
      scores.replace(caller, at(one.score.id), { evaluator_id: quality.id, log_id: one.score.logId!, numerical_value: 3 }),
    );
    expect(await count(counted.id)).toBe(1);
    await context.run(() => scores.delete(at(one.score.id)));
    expect(await count(counted.id)).toBe(1);
    expect(await refusal(() => read(one.score.id))).toEqual(['ResourceNotFoundException: Score not found']);
  });
});
