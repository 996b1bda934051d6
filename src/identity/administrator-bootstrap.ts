import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { AppConfig } from '../config/app-config';
import { IdentityService } from './identity.service';

/** With SCOREKEEPER_ADMIN_EMAIL and _PASSWORD set, start-up makes sure that user (and its imported key) exists. */
@Injectable()
export class AdministratorBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdministratorBootstrap.name);

  constructor(
    private readonly config: AppConfig,
    private readonly orm: MikroORM,
    private readonly identity: IdentityService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { email, password, apiKey } = this.config.admin;
    if (!email || !password) return;
    const result = await RequestContext.create(this.orm.em, () => this.identity.ensureAdministrator(email, password, apiKey));
    if (result.created) this.logger.log(`Created the administrator ${email} and their organization`);
    if (result.keyImported) this.logger.log(`Imported SCOREKEEPER_ADMIN_API_KEY for ${email}`);
  }
}
