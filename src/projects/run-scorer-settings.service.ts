import { ConflictException, Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/sql';
import { RequestValidationException, ResourceNotFoundException } from '../common/errors/api-exceptions';
import type { ScorerVersion } from '../scorers/entities/scorer-version.entity';
import type { Scorer } from '../scorers/entities/scorer.entity';
import type { ScorerConfig, RunScorerSettingsPatchRequest } from './dto/scorer-settings.dto';
import type { RunScorer } from './entities/run-scorer.entity';
import { ProjectsService } from './projects.service';
import { type RunScorerFields, RunScorersRepository } from './run-scorers.repository';

/** A run's enabled scorers, each with its (live) scorer and pinned version. */
export interface RunSettings {
  runId: string;
  entries: { entry: RunScorer; scorer: Scorer; version: ScorerVersion | null }[];
}

const fieldsOf = (config: ScorerConfig): Omit<RunScorerFields, 'scorerVersionId'> => ({
  modelName: config.model_name ?? null,
  numJudges: config.num_judges ?? null,
  cotEnabled: config.cot_enabled ?? null,
  outputType: config.output_type ?? null,
  inputType: config.input_type ?? null,
  scoreableNodeTypes: config.scoreable_node_types ?? null,
});

/**
 * The scorers enabled on a run (log stream or experiment) of a project: POST replaces the set, PATCH
 * merges by scorer id. Scorers (and pinned versions) must exist in the organization; deleted scorers
 * leave the run's list.
 */
@Injectable()
export class RunScorerSettingsService {
  constructor(
    private readonly em: EntityManager,
    private readonly projects: ProjectsService,
    private readonly runScorers: RunScorersRepository,
  ) {}

  async get(organizationId: string, projectId: string, runId: string): Promise<RunSettings> {
    await this.projects.get(organizationId, projectId);
    const entries = await this.runScorers.list(organizationId, projectId, runId);
    const [scorers, versions] = await Promise.all([
      this.runScorers.liveScorers(
        organizationId,
        entries.map((entry) => entry.scorer.id),
      ),
      this.runScorers.versions(
        organizationId,
        entries.map((entry) => entry.scorerVersionId).filter((id): id is string => id !== null),
      ),
    ]);
    return {
      runId,
      entries: entries
        .filter((entry) => scorers.has(entry.scorer.id))
        .map((entry) => ({
          entry,
          scorer: scorers.get(entry.scorer.id)!,
          version: entry.scorerVersionId ? (versions.get(entry.scorerVersionId) ?? null) : null,
        })),
    };
  }

  async write(
    organizationId: string,
    projectId: string,
    runId: string,
    body: RunScorerSettingsPatchRequest,
    replace: boolean,
  ): Promise<RunSettings> {
    if (body.run_id !== runId) {
      throw new RequestValidationException([
        { type: 'value_error', loc: ['body', 'run_id'], msg: 'Value error, run_id must be the run of the path', input: body.run_id },
      ]);
    }
    try {
      await this.em.transactional(async () => {
        const project = await this.projects.get(organizationId, projectId);
        const configs = body.scorers ?? [];
        const entries = await this.resolve(organizationId, configs);
        if (replace) await this.runScorers.removeAll(organizationId, projectId, runId);
        if (replace || body.scorers) await this.runScorers.upsert(project, runId, entries);
      });
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      this.em.clear();
      throw new ConflictException('The scorer settings of this run changed at the same time; retry');
    }
    this.em.clear();
    return this.get(organizationId, projectId, runId);
  }

  /** Each config's scorer and fields; a scorer or pinned version the organization lacks is a 404. */
  private async resolve(organizationId: string, configs: ScorerConfig[]): Promise<{ scorer: Scorer; fields: RunScorerFields }[]> {
    const scorers = await this.runScorers.liveScorers(
      organizationId,
      configs.map((config) => config.id),
    );
    const pinned = configs.map((config) => config.scorer_version?.id).filter((id): id is string => !!id);
    const versions = await this.runScorers.versions(organizationId, pinned);
    return configs.map((config) => {
      const scorer = scorers.get(config.id);
      if (!scorer) throw new ResourceNotFoundException('Scorer', `Scorer ${config.id} not found`);
      const pin = config.scorer_version;
      const version = pin ? versions.get(pin.id) : undefined;
      if (pin && (!version || version.scorer.id !== scorer.id || version.version !== pin.version)) {
        throw new ResourceNotFoundException('Scorer version', `Version ${pin.version} (${pin.id}) of scorer ${scorer.id} not found`);
      }
      return { scorer, fields: { ...fieldsOf(config), scorerVersionId: version?.id ?? null } };
    });
  }
}
