import { Injectable } from '@nestjs/common';
import { RequestValidationException } from '../common/errors/api-exceptions';
import type { GalileoPageQuery } from '../common/paging/galileo-page';
import type { ListScorersRequest } from './dto/list-scorers.dto';
import type { CreateScorerRequest, UpdateScorerRequest } from './dto/scorer.dto';
import type { Scorer } from './entities/scorer.entity';
import type { ScorerVersion } from './entities/scorer-version.entity';
import type { ScorerFields } from './scorer-fields';
import type { GalileoOutputType } from './scorer-kinds';
import { scorerListQuery } from './scorer-list-query';
import { ScorerVersionsRepository } from './scorer-versions.repository';
import { ScorersRepository } from './scorers.repository';
import { ScorersService } from './scorers.service';

/** A scorer with the versions its Galileo response embeds. */
export interface ScorerView {
  scorer: Scorer;
  latestVersion: ScorerVersion | null;
  defaultVersion: ScorerVersion | null;
}

const notAVersion = (id: string) =>
  new RequestValidationException([
    {
      type: 'value_error',
      loc: ['body', 'default_version_id'],
      msg: 'Value error, not a version of this scorer',
      input: id,
      drfMsg: 'Not a version of this scorer.',
    },
  ]);

function toFields(body: CreateScorerRequest | UpdateScorerRequest): ScorerFields {
  const fields: ScorerFields = {
    description: body.description,
    tags: body.tags ?? undefined,
    defaults: body.defaults as Record<string, unknown> | null | undefined,
    modelType: body.model_type,
    groundTruth: body.ground_truth,
    defaultVersionId: body.default_version_id,
    userPrompt: body.user_prompt,
    scoreableNodeTypes: body.scoreable_node_types,
    outputType: body.output_type as GalileoOutputType | null | undefined,
    inputType: body.input_type,
  };
  if (body.name !== null && body.name !== undefined) fields.name = body.name;
  if ('scorer_type' in body)
    Object.assign(fields, {
      scorerType: body.scorer_type,
      label: body.label,
      deprecated: body.deprecated,
      requiredScorers: body.required_scorers,
    });
  return fields;
}

/** Galileo's scorer routes: the shared scorer rules, plus the versions each response embeds. */
@Injectable()
export class GalileoScorersService {
  constructor(
    private readonly scorers: ScorersService,
    private readonly repository: ScorersRepository,
    private readonly versions: ScorerVersionsRepository,
  ) {}

  async create(organizationId: string, createdBy: string, body: CreateScorerRequest): Promise<ScorerView> {
    if (body.default_version_id) throw notAVersion(body.default_version_id);
    const scorer = await this.scorers.create(
      organizationId,
      createdBy,
      { ...toFields(body), name: body.name, description: body.description ?? '' },
      body.id,
    );
    return { scorer, latestVersion: null, defaultVersion: null };
  }

  async get(organizationId: string, id: string): Promise<ScorerView> {
    return (await this.views([await this.scorers.get(organizationId, id)]))[0];
  }

  async update(organizationId: string, id: string, body: UpdateScorerRequest): Promise<ScorerView> {
    if (body.default_version_id && !(await this.versions.findById(organizationId, id, body.default_version_id))) {
      await this.scorers.get(organizationId, id);
      throw notAVersion(body.default_version_id);
    }
    return (await this.views([await this.scorers.update(organizationId, id, toFields(body))]))[0];
  }

  async delete(organizationId: string, id: string): Promise<void> {
    await this.scorers.delete(organizationId, id);
  }

  async list(organizationId: string, request: ListScorersRequest, page: GalileoPageQuery): Promise<{ views: ScorerView[]; more: boolean }> {
    const { scorers, more } = await this.repository.pageMatching(organizationId, scorerListQuery(request), page.starting_token, page.limit);
    return { views: await this.views(scorers), more };
  }

  tags(organizationId: string): Promise<string[]> {
    return this.scorers.tags(organizationId);
  }

  /** Embeds latest and default versions with two queries whatever the number of scorers. */
  private async views(scorers: Scorer[]): Promise<ScorerView[]> {
    if (scorers.length === 0) return [];
    const organizationId = scorers[0].organizationId;
    const [latest, defaults] = await Promise.all([
      this.versions.latestOf(scorers),
      this.versions.byIds(
        organizationId,
        scorers.map((scorer) => scorer.defaultVersionId).filter((id): id is string => !!id),
      ),
    ]);
    return scorers.map((scorer) => {
      const defaultVersion = scorer.defaultVersionId ? (defaults.get(scorer.defaultVersionId) ?? null) : null;
      return {
        scorer,
        latestVersion: latest.get(scorer.id) ?? null,
        defaultVersion: defaultVersion?.scorer.id === scorer.id ? defaultVersion : null,
      };
    });
  }
}
