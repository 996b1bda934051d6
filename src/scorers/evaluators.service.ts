import { Injectable } from '@nestjs/common';
import { RequestValidationException, ResourceNotFoundException, RuleViolationException } from '../common/errors/api-exceptions';
import { type DrfPageQuery, pageOffset } from '../common/paging/drf-page';
import type { CreateEvaluatorRequest, UpdateEvaluatorRequest } from './dto/evaluator.dto';
import type { Scorer } from './entities/scorer.entity';
import type { ScorerFields } from './scorer-fields';
import { ScorersRepository } from './scorers.repository';
import { ScorersService, SlugTakenError } from './scorers.service';
import type { PassingConditions, ScoreConfig } from './value-rules/value-rules.types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The evaluator a score names: a scorer of the organization, or a custom slug (`evaluator` null). */
export interface ResolvedEvaluator {
  evaluator: Scorer | null;
  slug: string;
  name: string | null;
  type: string;
}

function slugTaken(error: SlugTakenError): RequestValidationException {
  return new RequestValidationException([
    {
      type: 'value_error',
      loc: ['body', 'evaluator_slug'],
      msg: `Value error, ${error.message}`,
      input: error.slug,
      drfMsg: error.message,
    },
  ]);
}

const toFields = (body: CreateEvaluatorRequest | UpdateEvaluatorRequest): ScorerFields => ({
  name: body.name,
  slug: body.evaluator_slug,
  evaluatorType: body.type,
  scoreValueType: body.score_value_type,
  scoreConfig: body.score_config as ScoreConfig | null | undefined,
  passingConditions: body.passing_conditions as PassingConditions | null | undefined,
  description: body.description,
  tags: body.tags,
});

/** Scorers seen as Respan evaluators, and the evaluator lookups of scores. */
@Injectable()
export class EvaluatorsService {
  constructor(
    private readonly scorers: ScorersService,
    private readonly repository: ScorersRepository,
  ) {}

  async create(organizationId: string, createdBy: string, body: CreateEvaluatorRequest): Promise<Scorer> {
    try {
      return await this.scorers.create(organizationId, createdBy, { ...toFields(body), name: body.name });
    } catch (error) {
      throw error instanceof SlugTakenError ? slugTaken(error) : error;
    }
  }

  async page(organizationId: string, query: DrfPageQuery): Promise<{ count: number; evaluators: Scorer[] }> {
    const count = await this.repository.count(organizationId);
    const offset = pageOffset(query, count);
    const { scorers } = await this.repository.page(organizationId, [], { createdAt: 'desc', id: 'asc' }, offset, query.page_size);
    return { count, evaluators: scorers };
  }

  get(organizationId: string, id: string): Promise<Scorer> {
    if (!UUID.test(id)) throw new ResourceNotFoundException('Evaluator');
    return this.scorers.get(organizationId, id);
  }

  /** The live evaluators among `ids` (one query for a page of scores), as plain data. */
  async liveByIds(organizationId: string, ids: string[]): Promise<Map<string, Scorer>> {
    const evaluators = ids.length ? await this.repository.findLiveDetachedByIds(organizationId, ids) : [];
    return new Map(evaluators.map((evaluator) => [evaluator.id, evaluator]));
  }

  async update(organizationId: string, id: string, body: UpdateEvaluatorRequest): Promise<Scorer> {
    if (!UUID.test(id)) throw new ResourceNotFoundException('Evaluator');
    try {
      return await this.scorers.update(organizationId, id, toFields(body));
    } catch (error) {
      throw error instanceof SlugTakenError ? slugTaken(error) : error;
    }
  }

  async delete(organizationId: string, id: string): Promise<void> {
    if (!UUID.test(id)) throw new ResourceNotFoundException('Evaluator');
    await this.scorers.delete(organizationId, id);
  }

  /**
   * Resolves a score's evaluator reference (contract §4): one of evaluator_id and evaluator_slug is
   * required; an id must name an evaluator of the organization; an unknown slug is a custom evaluator;
   * both given must agree.
   */
  async resolveForScore(
    organizationId: string,
    reference: { evaluatorId?: string | null; evaluatorSlug?: string | null },
  ): Promise<ResolvedEvaluator> {
    const { evaluatorId, evaluatorSlug } = reference;
    if (!evaluatorId && !evaluatorSlug) throw new RuleViolationException('Provide either evaluator_id or evaluator_slug.');
    if (evaluatorId) {
      const evaluator = UUID.test(evaluatorId) ? await this.repository.findLiveDetached(organizationId, evaluatorId) : null;
      if (!evaluator) {
        throw new RequestValidationException([
          {
            type: 'value_error',
            loc: ['body', 'evaluator_id'],
            msg: 'Value error, no evaluator with this id in your organization.',
            input: evaluatorId,
            drfMsg: `Invalid evaluator_id "${evaluatorId}" - no evaluator with this id in your organization.`,
          },
        ]);
      }
      if (evaluatorSlug && evaluatorSlug !== evaluator.slug) {
        throw new RuleViolationException(
          `evaluator_id and evaluator_slug name different evaluators ("${evaluator.slug}" and "${evaluatorSlug}").`,
        );
      }
      return { evaluator, slug: evaluator.slug, name: evaluator.name, type: evaluator.evaluatorType };
    }
    const evaluator = await this.repository.findLiveBySlugDetached(organizationId, evaluatorSlug!);
    return evaluator
      ? { evaluator, slug: evaluator.slug, name: evaluator.name, type: evaluator.evaluatorType }
      : { evaluator: null, slug: evaluatorSlug!, name: null, type: 'human' };
  }
}
