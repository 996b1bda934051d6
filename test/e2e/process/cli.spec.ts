import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliFields, runCli } from '../../support/cli-process';
import { type ServerProcess, spawnServer } from '../../support/server-process';

/** `npm run cli`: organizations, users and keys; one line on any error; works beside a running server. */
describe('CLI', () => {
  // Each test starts several processes, each opening the embedded database.
  jest.setTimeout(180_000);

  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'scorekeeper-cli-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const cliRun = (...args: string[]) => runCli(dataDir, args);
  const cli = async (...args: string[]) => {
    const outcome = await cliRun(...args);
    if (outcome.code !== 0) throw new Error(`cli ${args.join(' ')} failed: ${outcome.stderr}`);
    return cliFields(outcome.stdout);
  };
  /** The cells of the table row that starts with `id` (columns are two or more spaces apart). */
  const rowOf = (stdout: string, id: string) =>
    stdout
      .split('\n')
      .find((line) => line.startsWith(id))
      ?.split(/ {2,}/);
  const stop = async (server: ServerProcess) => {
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  };

  it('creates a user and a key that the server then accepts', async () => {
    const user = await cli('users:create', 'cli@example.test');
    expect(user).toMatchObject({ organization_id: expect.any(String), user_id: expect.any(String), password: expect.any(String) });
    const second = await cli(
      'users:create',
      'colleague@example.test',
      '--organization',
      user.organization_id,
      '--password',
      'colleague-password',
    );
    expect(second.organization_id).toBe(user.organization_id);
    expect(second.password).toBeUndefined();
    const key = await cli('api-keys:create', 'cli@example.test', '--description', 'from the cli');
    expect(key.api_key).toMatch(/^sk-/);
    const organization = await cli('organizations:create', 'Another team');
    expect(organization.organization_id).not.toBe(user.organization_id);

    const duplicate = await cliRun('users:create', 'cli@example.test');
    expect(duplicate).toMatchObject({ code: 1, stderr: 'A user with e-mail cli@example.test already exists\n' });

    const server = await spawnServer({ SCOREKEEPER_DATA_DIR: dataDir });
    try {
      const byKey = await fetch(`${server.baseUrl}/v2/scorers/tags`, { headers: { 'Galileo-API-Key': key.api_key } });
      expect(byKey.status).toBe(200);
      const byPassword = await fetch(`${server.baseUrl}/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: 'cli@example.test', password: user.password }),
      });
      expect(byPassword.status).toBe(200);
    } finally {
      await stop(server);
    }
  });

  it('checks every input as the API does and says what is wrong in one line, without touching the database', async () => {
    const user = await cli('users:create', 'owner@example.test');
    const cases: [string[], RegExp, number][] = [
      [['organizations:create', '   '], /^<name>: an organization name must not be empty$/, 1],
      [['organizations:create', 'a\u0007b'], /^<name>: an organization name must not contain control characters$/, 1],
      [['users:create', 'not-an-email'], /^<email>: must be an e-mail address$/, 1],
      [['users:create', 'short@example.test', '--password', 'x'], /^--password: a password has at least 8 characters$/, 1],
      [['users:create', 'lost@example.test', '--organization', 'not-a-uuid'], /^--organization: must be a UUID$/, 1],
      [['users:create', 'lost@example.test', '--organization', '6f1c0d3e-1111-4222-8333-444455556666'], /^Organization not found$/, 1],
      [
        ['api-keys:create', 'owner@example.test', '--expires-at', '2001-01-01T00:00:00Z'],
        /^--expires-at: expires_at must be in the future$/,
        1,
      ],
      [['api-keys:create', 'owner@example.test', '--expires-at', 'tomorrow'], /^--expires-at: /, 1],
      [['api-keys:create', 'owner@example.test', '--description', 'x'.repeat(1001)], /^--description: /, 1],
      [['api-keys:create', 'nobody@example.test'], /^No user with e-mail nobody@example.test/, 1],
      [['api-keys:revoke', 'nope'], /^<api-key-id>: must be a UUID$/, 1],
      [['users:create'], /^users:create: missing <email>$/, 2],
      [['users:create', 'a@example.test', '--bogus'], /^users:create: Unknown option '--bogus'/, 2],
      [['frobnicate'], /^Unknown command "frobnicate"/, 2],
    ];
    for (const [args, message, code] of cases) {
      const outcome = await cliRun(...args);
      expect({ args, code: outcome.code, stdout: outcome.stdout }).toEqual({ args, code, stdout: '' });
      const lines = outcome.stderr.trimEnd().split('\n');
      expect({ args, lines: lines.length }).toEqual({ args, lines: 1 });
      expect(lines[0]).toMatch(message);
    }
    // Nothing half-done: the refused users:create made no organization, and the only user is the first.
    expect((await cliRun('users:list')).stdout).toContain(user.user_id);
    expect((await cliRun('users:list')).stdout.trim().split('\n')).toHaveLength(2);
    expect((await cliRun('organizations:list')).stdout.trim().split('\n')).toHaveLength(2);
  });

  it('works while the server holds the embedded database: lists, creates and revokes through it', async () => {
    const first = await cli('users:create', 'first@example.test');
    const server = await spawnServer({ SCOREKEEPER_DATA_DIR: dataDir });
    try {
      const created = await cli('users:create', 'second@example.test', '--organization', first.organization_id);
      const key = await cli('api-keys:create', 'second@example.test', '--description', 'while running');
      const tags = () => fetch(`${server.baseUrl}/v2/scorers/tags`, { headers: { 'Galileo-API-Key': key.api_key } });
      expect((await tags()).status).toBe(200);

      const users = (await cliRun('users:list', '--organization', first.organization_id)).stdout;
      expect(users).toContain('first@example.test');
      expect(users).toContain(created.user_id);
      const organizations = await cliRun('organizations:list');
      expect(rowOf(organizations.stdout, first.organization_id)?.slice(0, 3)).toEqual([
        first.organization_id,
        "first@example.test's organization",
        '2',
      ]);
      const keys = await cliRun('api-keys:list', 'second@example.test');
      expect(rowOf(keys.stdout, key.api_key_id)?.slice(0, 5)).toEqual([
        key.api_key_id,
        'second@example.test',
        'while running',
        expect.stringMatching(/^sk-.+….+$/),
        'active',
      ]);
      expect(keys.stdout).not.toContain(key.api_key);

      expect(await cli('api-keys:revoke', key.api_key_id)).toEqual({ 'revoked api_key_id': key.api_key_id });
      expect((await tags()).status).toBe(401);
      expect(rowOf((await cliRun('api-keys:list')).stdout, key.api_key_id)?.[4]).toBe('revoked');
      expect(await cliRun('api-keys:revoke', key.api_key_id)).toMatchObject({
        code: 1,
        stderr: `The API key ${key.api_key_id} is already revoked\n`,
      });
    } finally {
      await stop(server);
    }
    // Stopped: the CLI opens the database itself again, and sees what the server wrote.
    expect((await cliRun('users:list')).stdout).toContain('second@example.test');
  });

  /** The lines of a server's output starting with `prefix`, once one has arrived (or after 5 s). */
  async function linesOf(server: ServerProcess, prefix: string): Promise<string[]> {
    const found = () =>
      server
        .output()
        .split('\n')
        .filter((text) => text.startsWith(prefix));
    for (let waited = 0; found().length === 0 && waited < 5000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    return found();
  }

  it('on a first start without any user, creates an administrator and prints their password and key once', async () => {
    const server = await spawnServer({ SCOREKEEPER_DATA_DIR: dataDir });
    const secrets: string[] = [];
    try {
      const welcome = await linesOf(server, 'First start');
      expect(welcome).toHaveLength(1);
      const [, email, password, key] = /administrator (\S+) with password (\S+) and API key (\S+) \(shown this once/.exec(welcome[0])!;
      secrets.push(password, key);
      expect((await fetch(`${server.baseUrl}/v2/scorers/tags`, { headers: { 'Galileo-API-Key': key } })).status).toBe(200);
      const login = await fetch(`${server.baseUrl}/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username: email, password }),
      });
      expect(login.status).toBe(200);
    } finally {
      await stop(server);
    }
    const again = await spawnServer({ SCOREKEEPER_DATA_DIR: dataDir });
    await stop(again);
    expect(again.output()).not.toContain('First start');
    for (const secret of secrets) expect(again.output()).not.toContain(secret);
  });

  it('in production, names the CLI command instead of creating anyone', async () => {
    const server = await spawnServer({ SCOREKEEPER_DATA_DIR: dataDir, NODE_ENV: 'production' });
    const lines = await linesOf(server, 'No user yet');
    await stop(server);
    expect(lines).toEqual([
      'No user yet: create the first administrator with `node dist/src/cli/cli.js users:create you@example.com` ' +
        '(it prints a password; then `node dist/src/cli/cli.js api-keys:create you@example.com` prints an API key).',
    ]);
    expect((await cliRun('users:list')).stdout.trim()).toBe('(none)');
  });
});
