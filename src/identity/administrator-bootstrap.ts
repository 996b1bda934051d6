import { randomBytes } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { generateApiKey } from '../auth/api-key-material';
import { AppConfig } from '../config/app-config';
import { IdentityService } from './identity.service';
import { UsersRepository } from './users.repository';

/** The administrator a first start on the embedded database creates when no user exists. */
export const FIRST_ADMINISTRATOR_EMAIL = 'admin@scorekeeper.local';

/**
 * With SCOREKEEPER_ADMIN_EMAIL and _PASSWORD set, start-up makes sure that user (and its imported key)
 * exists. Otherwise, on a database without any user, `firstStart()` says how to get in.
 */
@Injectable()
export class AdministratorBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdministratorBootstrap.name);

  constructor(
    private readonly config: AppConfig,
    private readonly orm: MikroORM,
    private readonly identity: IdentityService,
    private readonly users: UsersRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { email, password, apiKey } = this.config.admin;
    if (!email || !password) return;
    const result = await RequestContext.create(this.orm.em, () => this.identity.ensureAdministrator(email, password, apiKey));
    if (result.created) this.logger.log(`Created the administrator ${email} and their organization`);
    if (result.keyImported) this.logger.log(`Imported SCOREKEEPER_ADMIN_API_KEY for ${email}`);
  }

  /**
   * One line for a person starting the service on a database without any user, or null. On the
   * embedded database outside production it creates an administrator (Grafana's and Jupyter's way)
   * and gives their password and API key this once (both stored hashed only). Elsewhere (PostgreSQL,
   * which other instances may share, or production) it names the CLI command to run.
   */
  async firstStart(cliCommand: string): Promise<string | null> {
    if (this.config.admin.email) return null;
    return RequestContext.create(this.orm.em, async () => {
      if (await this.users.anyExists()) return null;
      if (this.config.database.kind !== 'pglite' || this.config.isProduction) {
        return `No user yet: create the first administrator with \`${cliCommand} users:create you@example.com\` (it prints a password; then \`${cliCommand} api-keys:create you@example.com\` prints an API key).`;
      }
      const password = randomBytes(12).toString('base64url');
      const apiKey = generateApiKey();
      await this.identity.ensureAdministrator(FIRST_ADMINISTRATOR_EMAIL, password, apiKey, 'Administrator key (first start)');
      return (
        `First start: created the administrator ${FIRST_ADMINISTRATOR_EMAIL} with password ${password} and API key ${apiKey} ` +
        `(shown this once, stored hashed; \`${cliCommand} help\` manages users and keys).`
      );
    });
  }
}
