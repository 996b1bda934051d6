import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { AppConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { IdentityModule } from '../identity/identity.module';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { CreateApiKeyCommand, CreateOrganizationCommand, CreateUserCommand } from './identity.commands';

/** The CLI: the identity services on the configured database, without HTTP (the rate limits only because the identity routes' guards need them resolved). */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [AppConfigModule.forRoot(config), DatabaseModule.forRoot(), RateLimitsModule, IdentityModule],
      providers: [CreateOrganizationCommand, CreateUserCommand, CreateApiKeyCommand],
    };
  }
}
