import { randomUUID } from 'node:crypto';
import type { Principal } from '../../src/auth/principal';
import { HealthScoresService } from '../../src/scorers/health-scores.service';
import { ScorerVersionsService } from '../../src/scorers/scorer-versions.service';
import { makeEvaluator, refusal } from './support/factories';
import { type ServiceContext, serviceContext, tenantOf } from './support/service-context';

/** HealthScoresService: one current score per (scorer version, dataset, type), read per scorer and dataset. */
describe('HealthScoresService', () => {
  let context: ServiceContext;
  let caller: Principal;
  let health: HealthScoresService;
  let scorerId: string;

  beforeAll(async () => {
    context = await serviceContext();
    caller = await tenantOf(context);
    health = context.get(HealthScoresService);
    scorerId = (await makeEvaluator(context, caller)).id;
    for (let version = 0; version < 2; version++)
      await context.run(() => context.get(ScorerVersionsService).create(caller.organizationId, scorerId, 'preset', {}, caller.userId));
  });
  afterAll(() => context.close());

  const write = (version: number, datasetId: string, type: string, score: number) =>
    context.run(() => health.write(caller.organizationId, scorerId, version, { dataset_id: datasetId, health_score_type: type, score }));

  it('replaces the score of a (version, dataset, type) in place, keeping its id; dataset ids compare in lower case', async () => {
    const dataset = randomUUID();
    const first = await write(1, dataset.toUpperCase(), 'f1', 0.5);
    const second = await write(1, dataset, 'f1', 0.75);
    expect(second).toMatchObject({ id: first.id, dataset_id: dataset, score: 0.75, scorer_version_number: 1 });
    await write(2, dataset, 'accuracy', 0.9);
    await write(1, randomUUID(), 'f1', 0.1);
    const rows = await context.run(() => health.forScorer(caller.organizationId, scorerId, dataset.toUpperCase()));
    expect(rows.map((row) => [row.scorer_version_number, row.health_score_type, row.score])).toEqual([
      [1, 'f1', 0.75],
      [2, 'accuracy', 0.9],
    ]);
  });

  it("answers 404 for a version the scorer does not have, and for another organization's scorer", async () => {
    expect(await refusal(() => write(3, randomUUID(), 'f1', 0.5))).toEqual([expect.stringMatching(/^ResourceNotFoundException: /)]);
    const other = await tenantOf(context);
    const elsewhere = () =>
      context.run(() => health.write(other.organizationId, scorerId, 1, { dataset_id: randomUUID(), health_score_type: 'f1', score: 1 }));
    expect(await refusal(elsewhere)).toEqual(['ResourceNotFoundException: Scorer not found']);
    expect(await refusal(() => context.run(() => health.forScorer(other.organizationId, scorerId, randomUUID())))).toEqual([
      'ResourceNotFoundException: Scorer not found',
    ]);
  });
});
