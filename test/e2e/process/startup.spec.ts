import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer } from '../../support/server-process';

describe('start-up', () => {
  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT must be an integer between 0 and 65535 \(got "abc"\)$/],
    [{ DATABASE_URL: 'mysql://nope' }, /^Invalid configuration: DATABASE_URL must be a postgres:\/\/.* URL$/],
    [{ LOG_LEVEL: 'loud' }, /^Invalid configuration: LOG_LEVEL must be one of the following values: .*\(got "loud"\)$/],
  ])('refuses bad configuration %j with one line naming the variable and a non-zero exit', async (env, message) => {
    const server = await spawnServer({ SCOREKEEPER_DATA_DIR: 'memory://', ...env } as Record<string, string>, { waitReady: false });
    expect(await server.exited).toBe(1);
    const lines = server.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  it('never echoes a secret variable it rejects', async () => {
    const server = await spawnServer({ SCOREKEEPER_DATA_DIR: 'memory://', DATABASE_URL: 'ftp://user:hunter2@db' }, { waitReady: false });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('DATABASE_URL');
    expect(server.output()).not.toContain('hunter2');
  });

  describe('on the embedded database', () => {
    let dataDir: string;

    beforeEach(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'scorekeeper-data-'));
    });
    afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

    it('keeps data across a restart', async () => {
      const env = {
        SCOREKEEPER_DATA_DIR: dataDir,
        SCOREKEEPER_ADMIN_EMAIL: 'admin@example.test',
        SCOREKEEPER_ADMIN_PASSWORD: 'correct horse',
      };
      const first = await spawnServer(env);
      const basic = { Authorization: `Basic ${Buffer.from('admin@example.test:correct horse').toString('base64')}` };
      const created = await fetch(`${first.baseUrl}/v2/users/api_keys`, {
        method: 'POST',
        headers: { ...basic, 'content-type': 'application/json' },
        body: JSON.stringify({ description: 'survives restarts' }),
      });
      expect(created.status).toBe(200);
      const { api_key: key } = (await created.json()) as { api_key: string };
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      const second = await spawnServer({ SCOREKEEPER_DATA_DIR: dataDir });
      try {
        const token = await fetch(`${second.baseUrl}/login/api_key`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ api_key: key }),
        });
        expect(token.status).toBe(200);
      } finally {
        second.child.kill('SIGTERM');
        await second.exited;
      }
    });

    it('refuses a second process on the same data directory with a clear error', async () => {
      const first = await spawnServer({ SCOREKEEPER_DATA_DIR: dataDir });
      try {
        const second = await spawnServer({ SCOREKEEPER_DATA_DIR: dataDir }, { waitReady: false });
        expect(await second.exited).toBe(1);
        expect(second.output()).toMatch(/is in use by another Scorekeeper process \(pid \d+\)/);
        expect((await fetch(`${first.baseUrl}/health/ready`)).status).toBe(200);
      } finally {
        first.child.kill('SIGTERM');
        await first.exited;
      }
    });
  });
});
