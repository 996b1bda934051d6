import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/sql';
import { ScorerVersion } from '../scorers/entities/scorer-version.entity';
import { Scorer } from '../scorers/entities/scorer.entity';
import type { Project } from './entities/project.entity';
import { RunScorer } from './entities/run-scorer.entity';

/** The settings of one scorer on a run, as written. */
export type RunScorerFields = Pick<
  RunScorer,
  'scorerVersionId' | 'modelName' | 'numJudges' | 'cotEnabled' | 'outputType' | 'inputType' | 'scoreableNodeTypes'
>;

/** Queries on the scorers enabled on runs, and on the scorers and versions they name. */
@Injectable()
export class RunScorersRepository {
  constructor(private readonly em: EntityManager) {}

  list(organizationId: string, projectId: string, runId: string): Promise<RunScorer[]> {
    return this.em.find(RunScorer, { organizationId, project: [organizationId, projectId], runId }, { orderBy: { position: 'asc' } });
  }

  async removeAll(organizationId: string, projectId: string, runId: string): Promise<void> {
    await this.em.nativeDelete(RunScorer, { organizationId, project: [organizationId, projectId], runId });
  }

  /** Writes each entry: updates the run's entry for that scorer, or adds one after the others. */
  async upsert(project: Project, runId: string, entries: { scorer: Scorer; fields: RunScorerFields }[]): Promise<void> {
    const existing = new Map((await this.list(project.organizationId, project.id, runId)).map((entry) => [entry.scorer.id, entry]));
    let position = Math.max(-1, ...[...existing.values()].map((entry) => entry.position));
    for (const { scorer, fields } of entries) {
      const entry = existing.get(scorer.id);
      if (entry) this.em.assign(entry, { ...fields, updatedAt: new Date() });
      else {
        const created = this.em.create(RunScorer, {
          organizationId: project.organizationId,
          project,
          runId,
          scorer,
          position: ++position,
          ...fields,
        });
        existing.set(scorer.id, created);
      }
    }
    await this.em.flush();
  }

  /** The live scorers of the organization among `ids`. */
  async liveScorers(organizationId: string, ids: string[]): Promise<Map<string, Scorer>> {
    if (ids.length === 0) return new Map();
    const scorers = await this.em.find(Scorer, { organizationId, id: { $in: [...new Set(ids)] }, deletedAt: null });
    return new Map(scorers.map((scorer) => [scorer.id, scorer]));
  }

  async versions(organizationId: string, ids: string[]): Promise<Map<string, ScorerVersion>> {
    if (ids.length === 0) return new Map();
    const versions = await this.em.find(ScorerVersion, { organizationId, id: { $in: [...new Set(ids)] } });
    return new Map(versions.map((version) => [version.id, version]));
  }
}
