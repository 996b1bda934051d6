import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { GalileoAuth } from '../auth/decorators/route-family-auth.decorators';
import type { Principal } from '../auth/principal';
import { GalileoOperation } from '../common/openapi/galileo-operation.decorator';
import {
  HealthScoresQuery,
  ScorerHealthScoresResponse,
  ScorerVersionHealthScoreEntry,
  WriteHealthScoreRequest,
} from './dto/health-score.dto';
import { ScorerIdParams, ScorerVersionParams } from './dto/scorer-version.dto';
import { HealthScoresService } from './health-scores.service';
import { toHealthScoreEntry } from './scorer.mapper';
import { GALILEO_SCORER_TAGS } from './scorers.controller';
import { ReplicaReads } from '../database/replicas/replica-reads.decorator';

@Controller('v2/scorers/:scorer_id')
@ApiTags(...GALILEO_SCORER_TAGS)
@GalileoAuth()
@ReplicaReads()
export class HealthScoresController {
  constructor(private readonly healthScores: HealthScoresService) {}

  @Get('health-scores')
  @GalileoOperation({
    operationId: 'get_scorer_health_scores_v2_scorers__scorer_id__health_scores_get',
    summary: 'Get Scorer Health Scores',
    response: ScorerHealthScoresResponse,
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ScorerIdParams,
    @Query() query: HealthScoresQuery,
  ): Promise<ScorerHealthScoresResponse> {
    const rows = await this.healthScores.forScorer(principal.organizationId, params.scorer_id, query.dataset_id);
    return { scores: rows.map(toHealthScoreEntry) };
  }

  @Post('versions/:version_number/health-scores')
  @GalileoOperation({
    operationId: 'write_scorer_version_health_score_v2_scorers__scorer_id__versions__version_number__health_scores_post',
    summary: 'Write Scorer Version Health Score',
    description:
      'Persist the health score for a scorer version against a dataset.\n\nCalled by the UI after saving a metric version, passing the score from the last compute.',
    response: ScorerVersionHealthScoreEntry,
  })
  async write(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ScorerVersionParams,
    @Body() body: WriteHealthScoreRequest,
  ): Promise<ScorerVersionHealthScoreEntry> {
    return toHealthScoreEntry(await this.healthScores.write(principal.organizationId, params.scorer_id, params.version_number, body));
  }
}
