import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { spawnServer } from '../../support/server-process';

const run = promisify(execFile);
const CLI = join(__dirname, '..', '..', '..', 'dist', 'src', 'cli', 'cli.js');

/** `npm run cli`: creates organizations, users and keys; prints a new key once. */
describe('CLI', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'scorekeeper-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const cli = async (...args: string[]) => {
    const { stdout } = await run(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', SCOREKEEPER_DATA_DIR: dataDir },
    });
    return Object.fromEntries(
      stdout
        .trim()
        .split('\n')
        .map((line) => line.split('=', 2)),
    ) as Record<string, string>;
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

    await expect(
      run(process.execPath, [CLI, 'users:create', 'cli@example.test'], {
        env: { PATH: process.env.PATH ?? '', SCOREKEEPER_DATA_DIR: dataDir },
      }),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('already exists'),
    });

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
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
