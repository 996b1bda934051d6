import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import type { AppConfig } from '../config/app-config';
import { AppConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { ENTITIES } from '../entities';
import { IdentityModule } from '../identity/identity.module';
import { IdentityService } from '../identity/identity.service';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { ScoreExportService } from '../scores/export/score-export.service';
import { ScoresModule } from '../scores/scores.module';
import type { CommandContext } from './cli-commands';
import { NO_PROGRESS } from './cli-progress';
import { IdentityDirectoryRepository } from './identity-directory.repository';
import { idempotentBatches } from './score-import-batches';

/**
 * The CLI: the identity services and the scores' batch and export paths on the configured database, without HTTP (the rate
 * limits only because the identity routes' guards need them resolved).
 */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        AppConfigModule.forRoot(config),
        DatabaseModule.forRoot(ENTITIES, config.database),
        RateLimitsModule,
        IdentityModule,
        ScoresModule,
      ],
    };
  }
}

/** What the commands need, from the CLI's own context or from the running server's. */
export function commandContextOf(
  app: INestApplicationContext,
  env: CommandContext['env'],
  shell: Partial<Pick<CommandContext, 'cwd' | 'progress'>> = {},
): CommandContext {
  const orm: MikroORM = app.get(MikroORM, { strict: false });
  return {
    identity: app.get(IdentityService, { strict: false }),
    directory: new IdentityDirectoryRepository(orm.em as EntityManager),
    scoreExports: app.get(ScoreExportService, { strict: false }),
    scoreBatches: idempotentBatches(app),
    env,
    cwd: shell.cwd ?? process.cwd(),
    progress: shell.progress ?? NO_PROGRESS,
  };
}
