import { Module } from '@nestjs/common';
import { EvaluatorsController } from './evaluators.controller';
import { EvaluatorsService } from './evaluators.service';
import { GalileoScorersService } from './galileo-scorers.service';
import { HealthScoresController } from './health-scores.controller';
import { HealthScoresRepository } from './health-scores.repository';
import { HealthScoresService } from './health-scores.service';
import { ScorerVersionsController } from './scorer-versions.controller';
import { ScorerVersionsRepository } from './scorer-versions.repository';
import { ScorerVersionsService } from './scorer-versions.service';
import { ScorersController } from './scorers.controller';
import { ScorersRepository } from './scorers.repository';
import { ScorersService } from './scorers.service';

/** Scorers (Galileo), their versions and health scores; the same rows as evaluators (Respan). */
@Module({
  controllers: [ScorersController, ScorerVersionsController, HealthScoresController, EvaluatorsController],
  providers: [
    ScorersRepository,
    ScorerVersionsRepository,
    HealthScoresRepository,
    ScorersService,
    GalileoScorersService,
    ScorerVersionsService,
    HealthScoresService,
    EvaluatorsService,
  ],
  exports: [ScorersService, EvaluatorsService],
})
export class ScorersModule {}
