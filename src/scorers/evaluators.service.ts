import { Injectable } from '@nestjs/common';
import { RequestValidationException, ResourceNotFoundException } from '../common/errors/api-exceptions';
import { type DrfPageQuery, pageOffset } from '../common/paging/drf-page';
import type { CreateEvaluatorRequest, UpdateEvaluatorRequest } from './dto/evaluator.dto';
import type { Scorer } from './entities/scorer.entity';
import type { ScorerFields } from './scorer-fields';
import { ScorersRepository } from './scorers.repository';
import { ScorersService, SlugTakenError } from './scorers.service';
import type { PassingConditions, ScoreConfig } from './value-rules/value-rules.types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

/** Scorers seen as Respan evaluators, and the evaluator lookups scores make. */
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

  /** The live evaluator with this id, as plain data; null for an id that is not a UUID. */
  findLive(organizationId: string, id: string): Promise<Scorer | null> {
    return UUID.test(id) ? this.repository.findLiveDetached(organizationId, id) : Promise.resolve(null);
  }

  /**
   * The live evaluators that `ids` or `slugs` name, in one query: by id (lower case; ids that are not
   * UUIDs name none) and by slug.
   */
  async liveByReferences(
    organizationId: string,
    ids: Iterable<string>,
    slugs: Iterable<string>,
  ): Promise<{ byId: Map<string, Scorer>; bySlug: Map<string, Scorer> }> {
    const uuids = [...new Set([...ids].filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
    const names = [...new Set(slugs)];
    const found = uuids.length || names.length ? await this.repository.findLiveDetachedByReferences(organizationId, uuids, names) : [];
    return {
      byId: new Map(found.map((evaluator) => [evaluator.id.toLowerCase(), evaluator])),
      bySlug: new Map(found.map((evaluator) => [evaluator.slug, evaluator])),
    };
  }

  /** The live evaluator with this slug, as plain data. */
  findLiveBySlug(organizationId: string, slug: string): Promise<Scorer | null> {
    return this.repository.findLiveBySlugDetached(organizationId, slug);
  }
}
