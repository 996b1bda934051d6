import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/sql';
import type { Scorer } from './entities/scorer.entity';
import { ScorerVersion } from './entities/scorer-version.entity';

export type NewScorerVersion = Pick<
  ScorerVersion,
  | 'kind'
  | 'modelName'
  | 'numJudges'
  | 'cotEnabled'
  | 'outputType'
  | 'inputType'
  | 'scoreableNodeTypes'
  | 'instructions'
  | 'userPrompt'
  | 'chainPollTemplate'
  | 'code'
  | 'validationResult'
  | 'createdBy'
>;

@Injectable()
export class ScorerVersionsRepository {
  constructor(private readonly em: EntityManager) {}

  async insert(scorer: Scorer, version: number, fields: NewScorerVersion): Promise<ScorerVersion> {
    const entity = this.em.create(ScorerVersion, { ...fields, organizationId: scorer.organizationId, scorer, version });
    await this.em.persist(entity).flush();
    return entity;
  }

  /** A version's code (a lazy column, loaded on demand); null unless it is a code version. */
  async codeOf(version: ScorerVersion): Promise<string | null> {
    if (version.kind !== 'code') return null;
    await this.em.populate(version, ['code']);
    return version.code;
  }

  async validationResultOf(version: ScorerVersion): Promise<string | null> {
    if (version.kind !== 'code') return null;
    await this.em.populate(version, ['validationResult']);
    return version.validationResult;
  }

  find(organizationId: string, scorerId: string, version: number): Promise<ScorerVersion | null> {
    return this.em.findOne(ScorerVersion, { organizationId, scorer: [organizationId, scorerId], version });
  }

  findById(organizationId: string, scorerId: string, id: string): Promise<ScorerVersion | null> {
    return this.em.findOne(ScorerVersion, { organizationId, scorer: [organizationId, scorerId], id });
  }

  latest(organizationId: string, scorerId: string): Promise<ScorerVersion | null> {
    return this.em.findOne(ScorerVersion, { organizationId, scorer: [organizationId, scorerId] }, { orderBy: { version: 'desc' } });
  }

  /** Versions by id, for embedding in scorers (one query for a page of scorers). */
  async byIds(organizationId: string, ids: string[]): Promise<Map<string, ScorerVersion>> {
    if (ids.length === 0) return new Map();
    const rows = await this.em.find(ScorerVersion, { organizationId, id: { $in: ids } });
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** The latest version of each given scorer (one query). */
  async latestOf(scorers: Scorer[]): Promise<Map<string, ScorerVersion>> {
    const wanted = scorers.filter((scorer) => scorer.latestVersionNumber > 0);
    if (wanted.length === 0) return new Map();
    const rows = await this.em.find(ScorerVersion, {
      organizationId: wanted[0].organizationId,
      $or: wanted.map((scorer) => ({ scorer: [scorer.organizationId, scorer.id], version: scorer.latestVersionNumber })),
    });
    return new Map(rows.map((row) => [row.scorer.id, row]));
  }

  async page(
    organizationId: string,
    scorerId: string,
    offset: number,
    limit: number,
  ): Promise<{ versions: ScorerVersion[]; more: boolean }> {
    const rows = await this.em.find(
      ScorerVersion,
      { organizationId, scorer: [organizationId, scorerId] },
      { orderBy: { version: 'asc' }, offset, limit: limit + 1 },
    );
    return { versions: rows.slice(0, limit), more: rows.length > limit };
  }
}
