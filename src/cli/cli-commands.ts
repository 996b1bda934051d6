import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { RequestValidationPipe } from '../common/pipes/request-validation.pipe';
import { CreateApiKeyRequest } from '../identity/dto/api-key.dto';
import { checkEmail, checkExpiry, checkId, checkOrganizationName, checkPassword } from '../identity/identity-rules';
import type { IdentityService } from '../identity/identity.service';
import type { ScoreWriter } from '../scores/batch/score-batch.service';
import { CliError, usageError } from './cli-errors';
import { table } from './cli-table';
import type { IdentityDirectoryRepository } from './identity-directory.repository';
import { type ImportProgress, type SubmitBatch, importScores } from './score-import';
import { importFormatOf } from './score-import-rows';

/** The variables of the shell that ran a command, and its working directory (relative paths are read from there). */
export interface CommandEnv {
  SCOREKEEPER_USER_PASSWORD?: string;
  cwd?: string;
}

/** What a command works with: the identity services, the batch path of scores, the shell that ran it. */
export interface CommandContext {
  identity: IdentityService;
  directory: IdentityDirectoryRepository;
  /** Sends batches of score creates as `writer`, idempotently, through the batch route's service. */
  scoreBatches: (writer: ScoreWriter) => SubmitBatch;
  /** Shows how a long command is getting on (a progress bar on the terminal that ran it). */
  progress: (state: ImportProgress) => void;
  env: CommandEnv;
}

export interface CommandOption {
  short?: string;
  value: string;
  description: string;
}

export interface CliCommand {
  name: string;
  /** Positional arguments, e.g. `<email>` or `[email]`. */
  arguments: string[];
  summary: string;
  options: Record<string, CommandOption>;
  /** Checks the inputs before any database is opened (the database's own checks follow in `run`). */
  check?(args: string[], options: Record<string, string | undefined>, env: CommandEnv): unknown;
  /** The command commits as it goes (its own transactions) instead of all at once at its end. */
  ownTransactions?: boolean;
  /** Prints `key=value` lines (a created thing) or a table (a list). */
  run(context: CommandContext, args: string[], options: Record<string, string | undefined>): Promise<string[]>;
}

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

async function userByEmail(context: CommandContext, email: string) {
  const user = await context.identity.findUserByEmail(email);
  if (!user) throw new CliError(`No user with e-mail ${email} (npm run cli -- users:list shows them)`);
  return user;
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
  {
    name: 'scores:import',
    arguments: ['<file>'],
    summary:
      "Import scores from NDJSON (a create body per line) or CSV (the export's columns) through the batch path, as a user; " +
      'rows not created go to <file>.failed.ndjson with their errors; re-running the same file writes nothing twice',
    options: { user: { short: 'u', value: '<email>', description: 'the user the scores are written as (required)' } },
    ownTransactions: true,
    check: ([file], options) => {
      if (!importFormatOf(file)) throw usageError('scores:import: <file> must end in .ndjson, .jsonl or .csv');
      if (options.user === undefined) throw usageError('scores:import: --user <email> is required');
      checkEmail(options.user);
    },
    run: async (context, [file], options) => {
      const user = await userByEmail(context, options.user!);
      const path = resolve(context.env.cwd ?? process.cwd(), file);
      // eslint-disable-next-line security/detect-non-literal-fs-filename -- the file the person running the CLI named
      if (!existsSync(path)) throw new CliError(`No file ${path}`);
      const writer = { organizationId: user.organizationId, actor: user.email };
      const summary = await importScores(path, context.scoreBatches(writer), context.progress);
      return [
        `rows=${summary.rows}`,
        `created=${summary.created}`,
        `failed=${summary.failed}`,
        ...(summary.failedRowsPath ? [`failed_rows=${summary.failedRowsPath}`] : []),
      ];
    },
  },
];
