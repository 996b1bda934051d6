import { Module } from '@nestjs/common';
import { ScorersModule } from '../scorers/scorers.module';
import { ScoreExportController } from './export/score-export.controller';
import { ScoreExportRepository } from './export/score-export.repository';
import { ScoreExportService } from './export/score-export.service';
import { IdempotencyRecordsRepository } from './idempotency/idempotency-records.repository';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyService } from './idempotency/idempotency.service';
import { LogScoresController } from './log-scores.controller';
import { ScoresController } from './scores.controller';
import { ScoresRepository } from './scores.repository';
import { ScoresService } from './scores.service';

/** Respan scores: general and log-scoped routes, revisions, idempotent creates, exports. Evaluators come from the scorers module. */
@Module({
  imports: [ScorersModule],
  controllers: [ScoreExportController, ScoresController, LogScoresController],
  providers: [
    ScoresRepository,
    ScoresService,
    IdempotencyRecordsRepository,
    IdempotencyService,
    IdempotencyInterceptor,
    ScoreExportRepository,
    ScoreExportService,
  ],
  exports: [ScoreExportService],
})
export class ScoresModule {}
