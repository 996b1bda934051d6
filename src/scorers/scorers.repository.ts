import { Injectable } from '@nestjs/common';
import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { EntityManager, type QBFilterQuery } from '@mikro-orm/sql';
import { arrayLiteral } from '../common/query/array-literal';
import { compileWhere } from '../common/query/filter.compiler';
import { detached } from '../database/detached';
import { Scorer } from './entities/scorer.entity';
import type { ScorerListQuery } from './scorer-list-query';

/** Queries on scorers. Every one is scoped to an organization and sees live (undeleted) rows only. */
@Injectable()
export class ScorersRepository {
  constructor(private readonly em: EntityManager) {}

  async insert(scorer: Scorer): Promise<Scorer> {
    await this.em.persist(scorer).flush();
    return scorer;
  }

  findLive(organizationId: string, id: string): Promise<Scorer | null> {
    return this.em.findOne(Scorer, { organizationId, id, deletedAt: null });
  }

  findLiveBySlug(organizationId: string, slug: string): Promise<Scorer | null> {
    return this.em.findOne(Scorer, { organizationId, slug, deletedAt: null });
  }

  /** `findLive` as plain data, outside the unit of work: for lookups that only read the scorer. */
  async findLiveDetached(organizationId: string, id: string): Promise<Scorer | null> {
    const rows = await this.em.execute('select * from scorers where organization_id = ? and id = ? and deleted_at is null', [
      organizationId,
      id,
    ]);
    return detached(this.em, Scorer, rows)[0] ?? null;
  }

  /** The live scorers among `ids` as plain data, outside the unit of work. */
  async findLiveDetachedByIds(organizationId: string, ids: string[]): Promise<Scorer[]> {
    const rows = await this.em.execute('select * from scorers where organization_id = ? and id in (?) and deleted_at is null', [
      organizationId,
      ids,
    ]);
    return detached(this.em, Scorer, rows);
  }

  /** The live scorers with one of `ids` (UUIDs) or one of `slugs`, as plain data, in one query. */
  async findLiveDetachedByReferences(organizationId: string, ids: string[], slugs: string[]): Promise<Scorer[]> {
    const rows = await this.em.execute(
      'select * from scorers where organization_id = ? and deleted_at is null and (id = any(?::uuid[]) or slug = any(?::text[]))',
      [organizationId, arrayLiteral(ids), arrayLiteral(slugs)],
    );
    return detached(this.em, Scorer, rows);
  }

  /** `findLiveBySlug` as plain data, outside the unit of work. */
  async findLiveBySlugDetached(organizationId: string, slug: string): Promise<Scorer | null> {
    const rows = await this.em.execute('select * from scorers where organization_id = ? and slug = ? and deleted_at is null', [
      organizationId,
      slug,
    ]);
    return detached(this.em, Scorer, rows)[0] ?? null;
  }

  /**
   * Makes the creates that derive slugs from `base` in the organization take turns, until the end of the
   * current transaction (an advisory lock on a hash of both: unrelated names rarely share one).
   */
  async lockSlugBase(organizationId: string, base: string): Promise<void> {
    await this.em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`scorer-slug:${organizationId}:${base}`]);
  }

  /** The live slugs among `candidates`. */
  async takenSlugs(organizationId: string, candidates: string[]): Promise<Set<string>> {
    const rows = await this.em.find(Scorer, { organizationId, slug: { $in: candidates }, deletedAt: null }, { fields: ['slug'] });
    return new Set(rows.map((row) => row.slug));
  }

  async save(scorer: Scorer): Promise<Scorer> {
    scorer.updatedAt = new Date();
    await this.em.flush();
    return scorer;
  }

  /** Soft delete; false when there is no live scorer with that id. */
  async softDelete(organizationId: string, id: string): Promise<boolean> {
    const now = new Date();
    return (await this.em.nativeUpdate(Scorer, { organizationId, id, deletedAt: null }, { deletedAt: now, updatedAt: now })) > 0;
  }

  async page(
    organizationId: string,
    where: FilterQuery<Scorer>[],
    orderBy: QueryOrderMap<Scorer>,
    offset: number,
    limit: number,
  ): Promise<{ scorers: Scorer[]; more: boolean }> {
    const rows = await this.em.find(
      Scorer,
      { $and: [{ organizationId, deletedAt: null }, ...where] },
      { orderBy, offset, limit: limit + 1 },
    );
    return { scorers: rows.slice(0, limit), more: rows.length > limit };
  }

  /** One page of live scorers matching Galileo list conditions, and whether more follow. */
  async pageMatching(
    organizationId: string,
    query: ScorerListQuery,
    offset: number,
    limit: number,
  ): Promise<{ scorers: Scorer[]; more: boolean }> {
    const rows = await this.em
      .createQueryBuilder(Scorer, 's')
      .select('*')
      .where(compileWhere<Scorer>({ organizationId, deletedAt: null }, query.conditions) as QBFilterQuery<Scorer>)
      .orderBy(query.orderBy)
      .limit(limit + 1)
      .offset(offset)
      .execute<Record<string, unknown>[]>('all', false);
    const scorers = rows.map((row) => this.em.map(Scorer, row));
    return { scorers: scorers.slice(0, limit), more: scorers.length > limit };
  }

  async count(organizationId: string, where: FilterQuery<Scorer>[] = []): Promise<number> {
    return this.em.count(Scorer, { $and: [{ organizationId, deletedAt: null }, ...where] });
  }

  /** Every tag in use by a live scorer, sorted. */
  async tags(organizationId: string): Promise<string[]> {
    const rows = await this.em.execute<{ tag: string }[]>(
      'select distinct jsonb_array_elements_text(tags) as tag from scorers where organization_id = ? and deleted_at is null order by tag',
      [organizationId],
    );
    return rows.map((row) => row.tag);
  }

  /** Takes the next version number atomically (concurrent version creates never collide). */
  async nextVersionNumber(organizationId: string, id: string): Promise<number | null> {
    const rows = await this.em.execute<{ latest_version_number: number }[]>(
      'update scorers set latest_version_number = latest_version_number + 1, updated_at = now() where organization_id = ? and id = ? and deleted_at is null returning latest_version_number',
      [organizationId, id],
    );
    return rows[0]?.latest_version_number ?? null;
  }
}
