import { DynamicModule, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { LoggingModule } from './common/logging/logging.module';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { ENTITIES } from './entities';
import { HealthModule } from './health/health.module';
import { AuthModule } from './auth/auth.module';
import { CodeValidationModule } from './code-validation/code-validation.module';
import { IdentityModule } from './identity/identity.module';
import { MetricsModule } from './metrics/metrics.module';
import { ProjectsModule } from './projects/projects.module';
import { RateLimitsModule } from './rate-limits/rate-limits.module';
import { ScorersModule } from './scorers/scorers.module';
import { ScoresModule } from './scores/scores.module';

export interface AppModuleOptions {
  /** Where logs go (stdout when absent); tests capture them. */
  logDestination?: DestinationStream;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggingModule.forRoot(config, options.logDestination),
        DatabaseModule.forRoot(ENTITIES, config.database),
        RateLimitsModule,
        HealthModule,
        IdentityModule,
        AuthModule.forRoot(IdentityModule),
        ScorersModule,
        ScoresModule,
        MetricsModule.forRoot(config),
        ProjectsModule,
        CodeValidationModule,
      ],
    };
  }
}
