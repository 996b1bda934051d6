import { Injectable } from '@nestjs/common';
import { ResourceNotFoundException } from '../common/errors/api-exceptions';
import type { WriteHealthScoreRequest } from './dto/health-score.dto';
import { type HealthScoreRow, HealthScoresRepository } from './health-scores.repository';
import { versionNotFound } from './scorer-versions.service';
import { ScorersService } from './scorers.service';

/** Health scores: the current score of a scorer version against a labelled dataset. */
@Injectable()
export class HealthScoresService {
  constructor(
    private readonly scorers: ScorersService,
    private readonly healthScores: HealthScoresRepository,
  ) {}

  /** 404 when the scorer or its version does not exist in the organization; otherwise the upsert. */
  async write(organizationId: string, scorerId: string, versionNumber: number, request: WriteHealthScoreRequest): Promise<HealthScoreRow> {
    const row = await this.healthScores.upsert(
      { organizationId, scorerId, versionNumber },
      {
        datasetId: request.dataset_id.toLowerCase(),
        healthScoreType: request.health_score_type,
        score: request.score,
        secondary: request.secondary ?? null,
      },
    );
    if (row) return row;
    await this.scorers.get(organizationId, scorerId);
    throw versionNotFound(scorerId, versionNumber);
  }

  async forScorer(organizationId: string, scorerId: string, datasetId: string): Promise<HealthScoreRow[]> {
    const rows = await this.healthScores.forScorer(organizationId, scorerId, datasetId.toLowerCase());
    if (!rows) throw new ResourceNotFoundException('Scorer');
    return rows;
  }
}
