import { randomUUID } from 'node:crypto';
import type { Principal } from '../../../src/auth/principal';
import type { CreateEvaluatorRequest } from '../../../src/scorers/dto/evaluator.dto';
import type { Scorer } from '../../../src/scorers/entities/scorer.entity';
import { EvaluatorsService } from '../../../src/scorers/evaluators.service';
import type { CreateScoreRequest } from '../../../src/scores/dto/score.dto';
import type { ScoreView } from '../../../src/scores/model/score.types';
import { ScoresService } from '../../../src/scores/scores.service';
import type { ServiceContext } from './service-context';

/** Small factories: rows made through the services themselves, with unique defaults. */

export const uniqueSlug = (prefix = 'ev'): string => `${prefix}_${randomUUID().slice(0, 8)}`;

/** An evaluator of `principal`'s organization; `fields` as a client sends them (the service applies its definition rules). */
export function makeEvaluator(context: ServiceContext, principal: Principal, fields: Record<string, unknown> = {}): Promise<Scorer> {
  const slug = (fields.evaluator_slug as string | undefined) ?? uniqueSlug();
  const body = { name: slug, type: 'llm', evaluator_slug: slug, ...fields } as CreateEvaluatorRequest;
  return context.run(() => context.get(EvaluatorsService).create(principal.organizationId, principal.userId, body));
}

export function makeScore(context: ServiceContext, principal: Principal, fields: Partial<CreateScoreRequest> = {}): Promise<ScoreView> {
  const body = { log_id: `log-${randomUUID()}`, ...fields } as CreateScoreRequest;
  return context.run(() => context.get(ScoresService).create(principal, body));
}

/** The issues of a refused call, as `field: message` (DRF's wording), or the value when it was not refused. */
export async function refusal(call: () => Promise<unknown>): Promise<string[] | { accepted: unknown }> {
  try {
    return { accepted: await call() };
  } catch (error) {
    const issues = (error as { issues?: { loc: (string | number)[]; drfMsg?: string; msg: string }[] }).issues;
    if (!issues) return [`${(error as Error).constructor.name}: ${(error as Error).message}`];
    return issues.map((issue) => `${issue.loc.slice(1).join('.')}: ${issue.drfMsg ?? issue.msg}`);
  }
}
