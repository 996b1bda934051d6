import { ConflictException, Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/sql';
import { RequestValidationException, ResourceNotFoundException } from '../common/errors/api-exceptions';
import type { ValidationIssue } from '../common/errors/validation-issue';
import { Scorer } from './entities/scorer.entity';
import { type ScorerFields, givenFields } from './scorer-fields';
import { derivedSlug, evaluatorTypeFor, outputTypeFor, scoreValueTypeFor, scorerTypeFor, slugify } from './scorer-kinds';
import { ScorersRepository } from './scorers.repository';
import { checkPassingConditions, checkScoreConfig } from './value-rules/evaluator-rules';

/** Races a derived slug may lose before the create gives up (each loss is to a create that did not take turns). */
const DERIVED_SLUG_ATTEMPTS = 5;
/** Derived slugs looked at (`base` … `base_10000`) before the create gives up, and how many one query checks. */
const DERIVED_SLUGS_TRIED = 10_000;
const DERIVED_SLUGS_PER_QUERY = 100;
const SLUG_INDEX = 'scorers_live_slug_unique';

const isSlugConflict = (error: UniqueConstraintViolationException): boolean => String(error.message).includes(SLUG_INDEX);

const noFreeSlug = (base: string) =>
  new RequestValidationException([
    {
      type: 'value_error',
      loc: ['body', 'name'],
      msg: `Value error, no free slug can be derived from this name (${base.slice(0, 40)}…); name the scorer otherwise`,
      input: base,
      drfMsg: 'No free slug can be derived from this name; give evaluator_slug.',
    },
  ]);

export class SlugTakenError extends Error {
  constructor(readonly slug: string) {
    super(`evaluator with this evaluator slug already exists.`);
  }
}

/** Scorer rules shared by both dialects: derived fields, slugs, value-rule checks, soft delete. */
@Injectable()
export class ScorersService {
  constructor(
    private readonly em: EntityManager,
    private readonly scorers: ScorersRepository,
  ) {}

  async get(organizationId: string, id: string): Promise<Scorer> {
    const scorer = await this.scorers.findLive(organizationId, id);
    if (!scorer) throw new ResourceNotFoundException('Scorer');
    return scorer;
  }

  findBySlug(organizationId: string, slug: string): Promise<Scorer | null> {
    return this.scorers.findLiveBySlug(organizationId, slug);
  }

  /**
   * Creates a scorer; `id` is the client's when it chose one (Galileo allows it). A given slug that is
   * taken is refused (`SlugTakenError`); a derived one is never: see `insertWithDerivedSlug`.
   */
  async create(organizationId: string, createdBy: string, fields: ScorerFields & { name: string }, id?: string | null): Promise<Scorer> {
    const build = (slug: string) => {
      const data = {
        organizationId,
        name: fields.name,
        slug,
        scorerType: fields.scorerType ?? scorerTypeFor(fields.evaluatorType ?? 'llm'),
        evaluatorType: fields.evaluatorType ?? evaluatorTypeFor(fields.scorerType ?? 'llm'),
        createdBy,
        ...(id ? { id } : {}),
      };
      const scorer = this.em.create(Scorer, data, { persist: false });
      this.apply(scorer, givenFields({ ...fields, name: undefined, slug: undefined, scorerType: undefined, evaluatorType: undefined }));
      this.derive(scorer, fields);
      this.check(scorer, fields);
      return scorer;
    };
    try {
      if (fields.slug) return await this.scorers.insert(build(fields.slug));
      const base = slugify(fields.name);
      build(derivedSlug(base, 1)); // the rules checked before any lock is taken
      return await this.insertWithDerivedSlug(organizationId, base, build);
    } catch (error) {
      this.em.clear();
      if (error instanceof UniqueConstraintViolationException) {
        if (fields.slug && isSlugConflict(error)) throw new SlugTakenError(fields.slug);
        if (id && !isSlugConflict(error)) throw new ConflictException(`A scorer with id ${id} already exists`);
      }
      throw error;
    }
  }

  async update(organizationId: string, id: string, fields: ScorerFields): Promise<Scorer> {
    const scorer = await this.get(organizationId, id);
    const given = givenFields(fields);
    if (given.slug !== undefined && given.slug !== scorer.slug && (await this.scorers.findLiveBySlug(organizationId, given.slug))) {
      throw new SlugTakenError(given.slug);
    }
    this.apply(scorer, given);
    this.derive(scorer, given);
    this.check(scorer, given);
    try {
      return await this.scorers.save(scorer);
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException && given.slug) throw new SlugTakenError(given.slug);
      throw error;
    }
  }

  async delete(organizationId: string, id: string): Promise<void> {
    if (!(await this.scorers.softDelete(organizationId, id))) throw new ResourceNotFoundException('Scorer');
  }

  tags(organizationId: string): Promise<string[]> {
    return this.scorers.tags(organizationId);
  }

  private apply(scorer: Scorer, fields: Partial<ScorerFields>): void {
    Object.assign(scorer, fields);
  }

  /** Fills the other dialect's field from the one given (contract §1), unless both were given. */
  private derive(scorer: Scorer, given: Partial<ScorerFields>): void {
    if (given.scoreValueType !== undefined && given.outputType === undefined) scorer.outputType = outputTypeFor(scorer.scoreValueType);
    if (given.outputType !== undefined && given.scoreValueType === undefined) scorer.scoreValueType = scoreValueTypeFor(scorer.outputType);
    if (given.scorerType !== undefined && given.evaluatorType === undefined) scorer.evaluatorType = evaluatorTypeFor(scorer.scorerType);
    if (given.evaluatorType !== undefined && given.scorerType === undefined) scorer.scorerType = scorerTypeFor(scorer.evaluatorType);
  }

  /** The score configuration and passing conditions must fit the value type. */
  private check(scorer: Scorer, given: Partial<ScorerFields>): void {
    const definedAsEvaluator = given.scoreValueType !== undefined || given.scoreConfig !== undefined;
    const issues: ValidationIssue[] = [
      ...checkScoreConfig(scorer.scoreValueType, scorer.scoreConfig, definedAsEvaluator),
      ...checkPassingConditions(scorer.scoreValueType, scorer.passingConditions),
    ];
    if (issues.length) throw new RequestValidationException(issues);
  }

  /**
   * Inserts with the first slug derived from `base` (`base`, `base_2`, … within the slug limit) that no
   * live scorer of the organization uses. Creates that derive from the same base take turns (a
   * transaction-scoped advisory lock on the organization and base), so parallel creates of one name get
   * distinct slugs; a create that still loses a race (to a given slug, or a rename) tries the next free
   * slug, a bounded number of times.
   */
  private async insertWithDerivedSlug(organizationId: string, base: string, build: (slug: string) => Scorer): Promise<Scorer> {
    const lost = new Set<string>();
    for (let attempt = 0; attempt < DERIVED_SLUG_ATTEMPTS; attempt++) {
      let slug: string | undefined;
      try {
        return await this.em.transactional(async () => {
          await this.scorers.lockSlugBase(organizationId, base);
          slug = await this.freeSlug(organizationId, base, lost);
          return this.scorers.insert(build(slug));
        });
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException) || !isSlugConflict(error) || slug === undefined) throw error;
        lost.add(slug);
      }
    }
    throw noFreeSlug(base);
  }

  /** The first slug derived from `base` that no live scorer uses (nor lost a race already). */
  private async freeSlug(organizationId: string, base: string, lost: ReadonlySet<string>): Promise<string> {
    for (let first = 1; first <= DERIVED_SLUGS_TRIED; first += DERIVED_SLUGS_PER_QUERY) {
      const candidates = Array.from({ length: DERIVED_SLUGS_PER_QUERY }, (_, index) => derivedSlug(base, first + index));
      const taken = await this.scorers.takenSlugs(organizationId, candidates);
      const free = candidates.find((candidate) => !taken.has(candidate) && !lost.has(candidate));
      if (free) return free;
    }
    throw noFreeSlug(base);
  }
}
