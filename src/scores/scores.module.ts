import { Module } from '@nestjs/common';
import { ScorersModule } from '../scorers/scorers.module';
import { ScoreBatchController } from './batch/score-batch.controller';
import { ScoreBatchRepository } from './batch/score-batch.repository';
import { ScoreBatchService } from './batch/score-batch.service';
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
import { ScoreSummaryController } from './summary/score-summary.controller';
import { ScoreSummaryRepository } from './summary/score-summary.repository';
import { ScoreSummaryService } from './summary/score-summary.service';

/** Respan scores: general and log-scoped routes, batches, summaries, exports, revisions, idempotent creates. Evaluators come from the scorers module. */
@Module({
  imports: [ScorersModule],
  controllers: [ScoreBatchController, ScoreSummaryController, ScoreExportController, ScoresController, LogScoresController],
  providers: [
    ScoresRepository,
    ScoresService,
    ScoreBatchRepository,
    ScoreBatchService,
    ScoreSummaryRepository,
    ScoreSummaryService,
    ScoreExportRepository,
    ScoreExportService,
    IdempotencyRecordsRepository,
    IdempotencyService,
    IdempotencyInterceptor,
  ],
  exports: [ScoreExportService],
})
export class ScoresModule {}
