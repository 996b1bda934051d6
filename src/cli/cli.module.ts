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
import { ScoresModule } from '../scores/scores.module';
import type { CommandContext, CommandEnv } from './cli-commands';
import { IdentityDirectoryRepository } from './identity-directory.repository';
import type { ImportProgress } from './score-import';
import { idempotentBatches } from './score-import-batches';

/** The CLI: the identity services and the scores' batch path on the configured database, without HTTP (the rate limits only because the routes' guards need them resolved). */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [AppConfigModule.forRoot(config), DatabaseModule.forRoot(ENTITIES), RateLimitsModule, IdentityModule, ScoresModule],
    };
  }
}

/** What the commands need, from the CLI's own context or from the running server's. */
export function commandContextOf(
  app: INestApplicationContext,
  env: CommandEnv,
  progress: (state: ImportProgress) => void = () => undefined,
): CommandContext {
  const orm: MikroORM = app.get(MikroORM, { strict: false });
  return {
    identity: app.get(IdentityService, { strict: false }),
    directory: new IdentityDirectoryRepository(orm.em as EntityManager),
    scoreBatches: idempotentBatches(app),
    progress,
    env,
  };
}
