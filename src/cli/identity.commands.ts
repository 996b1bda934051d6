import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MikroORM, RequestContext } from '@mikro-orm/core';
import { Command, CommandRunner, Option } from 'nest-commander';
import { IdentityService } from '../identity/identity.service';

const print = (line: string) => process.stdout.write(`${line}\n`);

@Injectable()
abstract class IdentityCommand extends CommandRunner {
  constructor(
    protected readonly identity: IdentityService,
    private readonly orm: MikroORM,
  ) {
    super();
  }

  /** One transaction: a command either does all its writes or none. */
  protected inUnitOfWork<T>(work: () => Promise<T>): Promise<T> {
    return RequestContext.create(this.orm.em, () => this.orm.em.transactional(work));
  }
}

@Command({ name: 'organizations:create', arguments: '<name>', description: 'Create an organization and print its id' })
export class CreateOrganizationCommand extends IdentityCommand {
  async run([name]: string[]): Promise<void> {
    const organization = await this.inUnitOfWork(() => this.identity.createOrganization(name));
    print(`organization_id=${organization.id}`);
  }
}

@Command({
  name: 'users:create',
  arguments: '<email>',
  description: 'Create a user (in a new organization unless --organization is given); prints a generated password once',
})
export class CreateUserCommand extends IdentityCommand {
  async run([email]: string[], options: { organization?: string; password?: string }): Promise<void> {
    const password = options.password ?? process.env.SCOREKEEPER_USER_PASSWORD ?? randomBytes(12).toString('base64url');
    const user = await this.inUnitOfWork(async () => {
      const organizationId = options.organization ?? (await this.identity.createOrganization(`${email}'s organization`)).id;
      return this.identity.createUser(organizationId, email, password);
    });
    print(`organization_id=${user.organizationId}`);
    print(`user_id=${user.id}`);
    if (!options.password && !process.env.SCOREKEEPER_USER_PASSWORD) print(`password=${password}`);
  }

  @Option({ flags: '-o, --organization <id>', description: 'Add the user to this organization' })
  parseOrganization(value: string): string {
    return value;
  }

  @Option({ flags: '-p, --password <password>', description: 'Password (default: SCOREKEEPER_USER_PASSWORD, else generated)' })
  parsePassword(value: string): string {
    return value;
  }
}

@Command({ name: 'api-keys:create', arguments: '<email>', description: 'Create an API key for a user and print it (shown once)' })
export class CreateApiKeyCommand extends IdentityCommand {
  async run([email]: string[], options: { description?: string; expiresAt?: string }): Promise<void> {
    const created = await this.inUnitOfWork(async () => {
      const user = await this.identity.findUserByEmail(email);
      if (!user) throw new Error(`No user with e-mail ${email}`);
      const expiresAt = options.expiresAt ? new Date(options.expiresAt) : null;
      if (expiresAt && Number.isNaN(expiresAt.getTime())) throw new Error(`--expires-at is not a date: ${options.expiresAt}`);
      return this.identity.createApiKey(user.organizationId, user.id, user.id, {
        description: options.description ?? 'created with the CLI',
        expiresAt,
      });
    });
    print(`api_key_id=${created.apiKey.id}`);
    print(`api_key=${created.plainKey}`);
  }

  @Option({ flags: '-d, --description <text>', description: 'What the key is for' })
  parseDescription(value: string): string {
    return value;
  }

  @Option({ flags: '-e, --expires-at <iso-date>', description: 'Expiry (ISO 8601); never by default' })
  parseExpiresAt(value: string): string {
    return value;
  }
}
