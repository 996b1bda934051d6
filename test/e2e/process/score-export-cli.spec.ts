import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliSocketPath, sendCommandLine } from '../../../src/cli/cli-socket';
import { cliFields, runCli } from '../../support/cli-process';
import { type ServerProcess, spawnServer } from '../../support/server-process';

/** `npm run cli -- scores:export <file>`: the HTTP export, byte for byte, beside a running server or on the database itself. */
describe('CLI scores:export', () => {
  jest.setTimeout(180_000);

  let dataDir: string;
  let workDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'scorekeeper-export-cli-'));
    workDir = mkdtempSync(join(tmpdir(), 'scorekeeper-export-files-'));
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(workDir, { recursive: true, force: true });
  });

  const cliRun = (...args: string[]) => runCli(dataDir, args, workDir);

  it('writes the same bytes as GET /api/scores/export/, through the server and without it, with progress and filters', async () => {
    const user = cliFields((await cliRun('users:create', 'exporter@example.test')).stdout);
    const key = cliFields((await cliRun('api-keys:create', 'exporter@example.test')).stdout).api_key;
    let server: ServerProcess | undefined = await spawnServer({ SCOREKEEPER_DATA_DIR: dataDir, EXPORT_PAGE_SIZE: '40' });
    const headers = { Authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    const http = (query: string) => fetch(`${server!.baseUrl}/api/scores/export/${query}`, { headers }).then((res) => res.text());
    try {
      for (let index = 0; index < 100; index++) {
        const body = {
          evaluator_slug: index % 2 ? 'odd' : 'even',
          log_id: `log-${index}`,
          string_value: `row ${index}, "quoted"\nsecond line ✓`,
          inputs: { index, nested: { list: [index, 'a,b'] } },
        };
        const res = await fetch(`${server.baseUrl}/api/scores/`, { method: 'POST', headers, body: JSON.stringify(body) });
        expect(res.status).toBe(201);
      }
      const csv = await cliRun('scores:export', 'odd.csv', '-o', user.organization_id, '--format', 'csv', '--evaluator-slug', 'odd');
      expect(csv).toMatchObject({ code: 0, stderr: '' });
      expect(cliFields(csv.stdout)).toEqual({ exported: '50', file: join(workDir, 'odd.csv') });
      expect(readFileSync(join(workDir, 'odd.csv'), 'utf8')).toBe(await http('?format=csv&evaluator_slug=odd'));

      const reports: string[] = [];
      const sink = {
        start: (total: number) => reports.push(`start ${total}`),
        advance: (by: number) => reports.push(`advance ${by}`),
        stop: () => reports.push('stop'),
      };
      const argv = ['scores:export', 'all.ndjson', '--organization', user.organization_id];
      const answer = await sendCommandLine(cliSocketPath(dataDir), { argv, env: {}, cwd: workDir }, sink);
      expect(answer).toEqual({ code: 0, stdout: ['exported=100', `file=${join(workDir, 'all.ndjson')}`], stderr: [] });
      expect(reports).toEqual(['start 100', 'advance 40', 'advance 40', 'advance 20', 'stop']);
      expect(readFileSync(join(workDir, 'all.ndjson'), 'utf8')).toBe(await http(''));
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      server = undefined;
    }
    const expected = readFileSync(join(workDir, 'all.ndjson'), 'utf8');
    rmSync(join(workDir, 'all.ndjson'));
    // Stopped: the CLI opens the embedded database itself.
    expect(cliFields((await cliRun('scores:export', 'all.ndjson', '-o', user.organization_id)).stdout).exported).toBe('100');
    expect(readFileSync(join(workDir, 'all.ndjson'), 'utf8')).toBe(expected);
  });

  it('checks the command line as the API checks the query, naming the option, and writes nothing', async () => {
    expect(await cliRun('scores:export', 'x.ndjson')).toMatchObject({ code: 2, stderr: 'scores:export: --organization is required\n' });
    const organization = '6f1c1c52-1d0c-4c55-9b8a-1f0d3c7f6d1e';
    const bad = await cliRun('scores:export', 'x.ndjson', '-o', organization, '--format', 'xml', '--is-passed', 'maybe');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^--format: .*ndjson.*csv.*; --is-passed: .+\n$/);
    expect(existsSync(join(workDir, 'x.ndjson'))).toBe(false);
  });
});
