import { Module } from '@nestjs/common';
import { LogStreamsController } from './log-streams.controller';
import { ProjectsController } from './projects.controller';
import { ProjectsRepository } from './projects.repository';
import { ProjectsService } from './projects.service';
import { RunScorerSettingsController } from './run-scorer-settings.controller';
import { RunScorerSettingsService } from './run-scorer-settings.service';
import { RunScorersRepository } from './run-scorers.repository';

/** Projects, their log streams, and the scorers enabled on their runs: what Galileo's SDKs look up before scoring. */
@Module({
  controllers: [ProjectsController, LogStreamsController, RunScorerSettingsController],
  providers: [ProjectsRepository, RunScorersRepository, ProjectsService, RunScorerSettingsService],
})
export class ProjectsModule {}
