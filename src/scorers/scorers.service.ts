import { ConflictException, Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/sql';
import { RequestValidationException, ResourceNotFoundException } from '../common/errors/api-exceptions';
import type { ValidationIssue } from '../common/errors/validation-issue';
import { Scorer } from './entities/scorer.entity';
import { type ScorerFields, givenFields } from './scorer-fields';
import { evaluatorTypeFor, outputTypeFor, scoreValueTypeFor, scorerTypeFor, slugify } from './scorer-kinds';
import { ScorersRepository } from './scorers.repository';
import { checkPassingConditions, checkScoreConfig } from './value-rules/evaluator-rules';

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

  /** Creates a scorer; `id` is the client's when it chose one (Galileo allows it). */
  async create(organizationId: string, createdBy: string, fields: ScorerFields & { name: string }, id?: string | null): Promise<Scorer> {
    const scorer = this.em.create(Scorer, {
      organizationId,
      name: fields.name,
      slug: fields.slug ?? (await this.freeSlug(organizationId, slugify(fields.name))),
      scorerType: fields.scorerType ?? scorerTypeFor(fields.evaluatorType ?? 'llm'),
      evaluatorType: fields.evaluatorType ?? evaluatorTypeFor(fields.scorerType ?? 'llm'),
      createdBy,
      ...(id ? { id } : {}),
    });
    this.apply(scorer, givenFields({ ...fields, name: undefined, slug: undefined, scorerType: undefined, evaluatorType: undefined }));
    this.derive(scorer, fields);
    this.check(scorer, fields);
    try {
      return await this.scorers.insert(scorer);
    } catch (error) {
      this.em.clear();
      if (error instanceof UniqueConstraintViolationException) {
        if (fields.slug && String(error.message).includes('slug')) throw new SlugTakenError(fields.slug);
        if (id) throw new ConflictException(`A scorer with id ${id} already exists`);
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

  /** `base`, or `base_2`, `base_3`… : the first slug no live scorer uses. */
  private async freeSlug(organizationId: string, base: string): Promise<string> {
    const candidates = [base, ...Array.from({ length: 20 }, (_, index) => `${base}_${index + 2}`)];
    const taken = await this.scorers.takenSlugs(organizationId, candidates);
    return candidates.find((candidate) => !taken.has(candidate)) ?? `${base}_${Date.now().toString(36)}`;
  }
}
