import { randomBytes } from 'node:crypto';
import { RequestValidationPipe } from '../common/pipes/request-validation.pipe';
import { CreateApiKeyRequest } from '../identity/dto/api-key.dto';
import { checkEmail, checkExpiry, checkId, checkOrganizationName, checkPassword } from '../identity/identity-rules';
import { CliError } from './cli-errors';
import { table } from './cli-table';
import { userByEmail } from './cli-users';
import type { CliCommand } from './cli-command.types';
import { SCORE_EXPORT_COMMAND } from './score-export.command';
import { SCORE_IMPORT_COMMAND } from './score-import.command';

export type { CliCommand, CommandContext, CommandOption } from './cli-command.types';

const iso = (date: Date | null) => (date ? date.toISOString() : '-');
const apiValidation = new RequestValidationPipe();

/** The same checks as POST /v2/users/api_keys: the request body's rules, then the expiry's. */
async function apiKeyRequest(options: Record<string, string | undefined>): Promise<{ description: string; expiresAt: Date | null }> {
  const body = (await apiValidation.transform(
    { description: options.description ?? 'created with the CLI', expires_at: options['expires-at'] ?? null },
    { type: 'body', metatype: CreateApiKeyRequest },
  )) as CreateApiKeyRequest;
  const expiresAt = body.expires_at ? new Date(body.expires_at) : null;
  checkExpiry(expiresAt, body.expires_at);
  return { description: body.description, expiresAt };
}

function keyState(key: { revoked_at: Date | null; expires_at: Date | null }, now: number): string {
  if (key.revoked_at) return 'revoked';
  return key.expires_at && key.expires_at.getTime() <= now ? 'expired' : 'active';
}

export const COMMANDS: CliCommand[] = [
  {
    name: 'organizations:create',
    arguments: ['<name>'],
    summary: 'Create an organization (a tenant) and print its id',
    options: {},
    check: ([name]) => checkOrganizationName(name),
    run: async ({ identity }, [name]) => [`organization_id=${(await identity.createOrganization(name)).id}`],
  },
  {
    name: 'organizations:list',
    arguments: [],
    summary: 'List the organizations, with how many users each has',
    options: {},
    run: async ({ directory }) =>
      table(
        ['ID', 'NAME', 'USERS', 'CREATED'],
        (await directory.organizations()).map((o) => [o.id, o.name, String(o.users), iso(o.created_at)]),
      ),
  },
  {
    name: 'users:create',
    arguments: ['<email>'],
    summary: 'Create a user (in a new organization unless --organization is given); prints a generated password once',
    options: {
      organization: { short: 'o', value: '<id>', description: 'add the user to this organization' },
      password: { short: 'p', value: '<password>', description: 'password (default: SCOREKEEPER_USER_PASSWORD, else generated)' },
    },
    check: ([email], options, env) => {
      checkEmail(email);
      const given = options.password ?? env.SCOREKEEPER_USER_PASSWORD;
      if (given !== undefined) checkPassword(given);
      if (options.organization !== undefined) checkId('organization', options.organization);
    },
    run: async ({ identity, env }, [email], options) => {
      const given = options.password ?? env.SCOREKEEPER_USER_PASSWORD;
      const password = given ?? randomBytes(12).toString('base64url');
      if (options.organization !== undefined) checkId('organization', options.organization);
      const organizationId = options.organization ?? (await identity.createOrganization(`${email.trim()}'s organization`)).id;
      const user = await identity.createUser(organizationId, email, password);
      return [`organization_id=${user.organizationId}`, `user_id=${user.id}`, ...(given === undefined ? [`password=${password}`] : [])];
    },
  },
  {
    name: 'users:list',
    arguments: [],
    summary: 'List the users (of one organization with --organization)',
    options: { organization: { short: 'o', value: '<id>', description: 'only the users of this organization' } },
    check: (_args, options) => options.organization !== undefined && checkId('organization', options.organization),
    run: async ({ directory }, _args, options) => {
      if (options.organization !== undefined) checkId('organization', options.organization);
      const users = await directory.users(options.organization);
      return table(
        ['ID', 'EMAIL', 'ORGANIZATION', 'CREATED'],
        users.map((u) => [u.id, u.email, u.organization_id, iso(u.created_at)]),
      );
    },
  },
  {
    name: 'api-keys:create',
    arguments: ['<email>'],
    summary: 'Create an API key for a user and print it (shown once, stored hashed)',
    options: {
      description: { short: 'd', value: '<text>', description: 'what the key is for' },
      'expires-at': { short: 'e', value: '<iso-date>', description: 'expiry (ISO 8601, in the future); never by default' },
    },
    check: (_args, options) => apiKeyRequest(options),
    run: async (context, [email], options) => {
      const { description, expiresAt } = await apiKeyRequest(options);
      const user = await userByEmail(context, email);
      const created = await context.identity.createApiKey(user.organizationId, user.id, user.id, {
        description,
        expiresAt,
      });
      return [`api_key_id=${created.apiKey.id}`, `api_key=${created.plainKey}`];
    },
  },
  {
    name: 'api-keys:list',
    arguments: ['[email]'],
    summary: "List the API keys (a user's, given an e-mail address): never the keys themselves, only their truncated form",
    options: {},
    run: async ({ directory }, [email]) => {
      const now = Date.now();
      const keys = await directory.apiKeys(email?.trim().toLowerCase());
      return table(
        ['ID', 'USER', 'DESCRIPTION', 'KEY', 'STATE', 'CREATED', 'EXPIRES', 'LAST USED'],
        keys.map((k) => [
          k.id,
          k.email,
          k.description,
          k.truncated,
          keyState(k, now),
          iso(k.created_at),
          iso(k.expires_at),
          iso(k.last_used),
        ]),
      );
    },
  },
  {
    name: 'api-keys:revoke',
    arguments: ['<api-key-id>'],
    summary: 'Revoke an API key: it stops working at once',
    options: {},
    check: ([id]) => checkId('api_key_id', id),
    run: async ({ identity, directory }, [id]) => {
      const key = await directory.apiKeyById(id);
      if (!key) throw new CliError(`No API key with id ${id} (npm run cli -- api-keys:list shows them)`);
      if (key.revoked) throw new CliError(`The API key ${id} is already revoked`);
      await identity.revokeApiKey(key.organizationId, id);
      return [`revoked api_key_id=${id}`];
    },
  },
  SCORE_IMPORT_COMMAND,
  SCORE_EXPORT_COMMAND,
];
