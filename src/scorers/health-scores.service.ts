import { Injectable } from '@nestjs/common';
import type { WriteHealthScoreRequest } from './dto/health-score.dto';
import { type HealthScoreRow, HealthScoresRepository } from './health-scores.repository';
import { ScorerVersionsRepository } from './scorer-versions.repository';
import { versionNotFound } from './scorer-versions.service';
import { ScorersService } from './scorers.service';

/** Health scores: the current score of a scorer version against a labelled dataset. */
@Injectable()
export class HealthScoresService {
  constructor(
    private readonly scorers: ScorersService,
    private readonly versions: ScorerVersionsRepository,
    private readonly healthScores: HealthScoresRepository,
  ) {}

  /** 404 when the scorer or its version does not exist in the organization; otherwise the upsert. */
  async write(organizationId: string, scorerId: string, versionNumber: number, request: WriteHealthScoreRequest): Promise<HealthScoreRow> {
    await this.scorers.get(organizationId, scorerId);
    const version = await this.versions.find(organizationId, scorerId, versionNumber);
    if (!version) throw versionNotFound(scorerId, versionNumber);
    return this.healthScores.upsert(version, {
      datasetId: request.dataset_id.toLowerCase(),
      healthScoreType: request.health_score_type,
      score: request.score,
      secondary: request.secondary ?? null,
    });
  }

  async forScorer(organizationId: string, scorerId: string, datasetId: string): Promise<HealthScoreRow[]> {
    await this.scorers.get(organizationId, scorerId);
    return this.healthScores.forScorer(organizationId, scorerId, datasetId.toLowerCase());
  }
}
