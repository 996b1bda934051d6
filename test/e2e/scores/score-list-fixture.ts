import { createEvaluator, postScore } from '../../support/scores';
import { type Tenant, createTenant } from '../../support/tenants';
import type { TestApp } from '../../support/test-app';

export type Score = Record<string, any>;

/** Twelve scores of two evaluators (one custom slug among them) over four logs, three scorers and two environments. */
export interface ListFixture {
  tenant: Tenant;
  other: Tenant;
  accuracy: { id: string; evaluator_slug: string };
  tone: { id: string; evaluator_slug: string };
  /** In creation order. */
  scores: Score[];
}

export async function seedListScores(t: TestApp): Promise<ListFixture> {
  const tenant = await createTenant(t.app, 'lists');
  const other = await createTenant(t.app, 'lists-other');
  const accuracy = await createEvaluator(t, tenant, {
    evaluator_slug: 'accuracy',
    score_value_type: 'numerical',
    passing_conditions: { primary_score: { operator: 'gte', value: 5 } },
  });
  const tone = await createEvaluator(t, tenant, { evaluator_slug: 'tone_check', type: 'human', score_value_type: 'text' });
  const scores: Score[] = [];
  for (let index = 0; index < 12; index++) {
    const body =
      index % 3 === 2
        ? { evaluator_id: tone.id, string_value: `note ${index}` }
        : {
            evaluator_id: accuracy.id,
            numerical_value: index === 4 ? null : index,
            ...(index === 4 ? { evaluator_id: undefined, evaluator_slug: 'Custom_50%' } : {}),
          };
    const res = await postScore(t, tenant, {
      ...body,
      log_id: `log-${index % 4}`,
      scorer: ['alice', 'bob', 'carol'][Math.floor(index / 4)],
      environment: index < 6 ? 'production' : 'staging',
      ...(index % 5 === 0 ? { dataset_id: `ds_${index}` } : {}),
    });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    scores.push(res.body);
  }
  await postScore(t, other, { evaluator_slug: 'accuracy', numerical_value: 1 });
  return { tenant, other, accuracy, tone, scores };
}

export const idsOf = (results: Score[]): string[] => results.map((score) => score.id);
