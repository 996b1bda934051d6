import { RequestValidationException, RuleViolationException } from '../../common/errors/api-exceptions';
import type { Scorer } from '../../scorers/entities/scorer.entity';

/** The evaluator a score names: a scorer of the organization, or a custom slug (`evaluator` null). */
export interface ResolvedEvaluator {
  evaluator: Scorer | null;
  slug: string;
  name: string | null;
  type: string;
}

/** How a reference is looked up: live evaluators of the caller's organization. */
export interface EvaluatorLookup {
  byId(id: string): Promise<Scorer | null>;
  bySlug(slug: string): Promise<Scorer | null>;
}

const linked = (evaluator: Scorer): ResolvedEvaluator => ({
  evaluator,
  slug: evaluator.slug,
  name: evaluator.name,
  type: evaluator.evaluatorType,
});

function unknownEvaluatorId(evaluatorId: string): RequestValidationException {
  return new RequestValidationException([
    {
      type: 'value_error',
      loc: ['body', 'evaluator_id'],
      msg: 'Value error, no evaluator with this id in your organization.',
      input: evaluatorId,
      drfMsg: `Invalid evaluator_id "${evaluatorId}" - no evaluator with this id in your organization.`,
    },
  ]);
}

/**
 * Resolves a score's evaluator reference (contract §4): one of evaluator_id and evaluator_slug is
 * required; an id must name an evaluator of the organization; an unknown slug is a custom (human)
 * evaluator; both given must agree.
 */
export async function resolveEvaluatorReference(
  lookup: EvaluatorLookup,
  reference: { evaluator_id?: string | null; evaluator_slug?: string | null },
): Promise<ResolvedEvaluator> {
  const { evaluator_id: evaluatorId, evaluator_slug: evaluatorSlug } = reference;
  if (!evaluatorId && !evaluatorSlug) throw new RuleViolationException('Provide either evaluator_id or evaluator_slug.');
  if (evaluatorId) {
    const evaluator = await lookup.byId(evaluatorId);
    if (!evaluator) throw unknownEvaluatorId(evaluatorId);
    if (evaluatorSlug && evaluatorSlug !== evaluator.slug) {
      throw new RuleViolationException(
        `evaluator_id and evaluator_slug name different evaluators ("${evaluator.slug}" and "${evaluatorSlug}").`,
      );
    }
    return linked(evaluator);
  }
  const evaluator = await lookup.bySlug(evaluatorSlug!);
  return evaluator ? linked(evaluator) : { evaluator: null, slug: evaluatorSlug!, name: null, type: 'human' };
}
