import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliFields, runCli } from '../../support/cli-process';
import { type ServerProcess, spawnServer } from '../../support/server-process';

const NDJSON = [
  '{"log_id": "n1", "evaluator_slug": "quality", "numerical_value": 1, "inputs": {"q": "a"}}',
  '{"log_id": "n2", "evaluator_slug": "quality", "numerical_value": "one"}',
  '',
  'not json',
  '{"log_id": "n3", "evaluator_slug": "quality", "boolean_value": true, "scorer": "judge"}',
  '{"log_id": "n3", "evaluator_slug": "quality", "boolean_value": false, "scorer": "judge"}',
  '{"evaluator_slug": "quality", "numerical_value": 2}',
].join('\n');

const CSV = [
  'id,log_id,evaluator_slug,numerical_value,categorical_value,inputs,boolean_value,is_passed',
  'x,c1,quality,2,"[""good""]","{""k"": [1, 2]}",,false',
  'x,c2,quality,abc,,,,false',
  'x,c3,quality,,,,true,false',
].join('\n');

/** `npm run cli -- scores:import`: through the batch path, failed rows beside the input, re-runs write nothing twice. */
describe('CLI scores:import', () => {
  jest.setTimeout(360_000);

  let dataDir: string;
  let files: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'scorekeeper-import-'));
    files = mkdtempSync(join(tmpdir(), 'scorekeeper-import-files-'));
    writeFileSync(join(files, 'scores.ndjson'), NDJSON);
    writeFileSync(join(files, 'scores.csv'), CSV);
  });
  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  });

  const cli = async (...args: string[]): Promise<Record<string, string>> => {
    const outcome = await runCli(dataDir, args, files);
    if (outcome.code !== 0) throw new Error(`cli ${args.join(' ')} exited ${outcome.code}: ${outcome.stderr}`);
    return cliFields(outcome.stdout);
  };
  const failedRows = (name: string) =>
    readFileSync(join(files, `${name}.failed.ndjson`), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { line: number; status: number; errors: Record<string, unknown>; row: unknown })
      .sort((a, b) => a.line - b.line);
  const scoresOf = async (server: ServerProcess, key: string) =>
    (await (await fetch(`${server.baseUrl}/api/scores/?page_size=100`, { headers: { Authorization: `Bearer ${key}` } })).json()) as {
      count: number;
      results: Record<string, unknown>[];
    };

  it('imports NDJSON and CSV with the database opened by the CLI, writes the failed rows with their errors, and re-runs create no duplicates', async () => {
    await cli('users:create', 'importer@example.test', '--password', 'importer-password');
    expect(await cli('scores:import', 'scores.ndjson', '--user', 'importer@example.test')).toEqual({
      rows: '6',
      created: '2',
      failed: '4',
      failed_rows: join(files, 'scores.ndjson.failed.ndjson'),
    });
    expect(failedRows('scores.ndjson')).toEqual([
      { line: 2, status: 400, errors: { numerical_value: ['A valid number is required.'] }, row: JSON.parse(NDJSON.split('\n')[1]) },
      { line: 4, status: 400, errors: { detail: expect.stringMatching(/^JSON parse error - /) }, row: null },
      {
        line: 6,
        status: 400,
        errors: { non_field_errors: ['The fields log_id, evaluator_slug, scorer must make a unique set.'] },
        row: JSON.parse(NDJSON.split('\n')[5]),
      },
      { line: 7, status: 400, errors: { log_id: ['This field is required.'] }, row: JSON.parse(NDJSON.split('\n')[6]) },
    ]);
    expect(await cli('scores:import', 'scores.csv', '-u', 'importer@example.test')).toMatchObject({ rows: '3', created: '2', failed: '1' });
    expect(failedRows('scores.csv')).toEqual([
      {
        line: 3,
        status: 400,
        errors: { numerical_value: ['A valid number is required.'] },
        row: { id: 'x', log_id: 'c2', evaluator_slug: 'quality', numerical_value: 'abc', is_passed: 'false' },
      },
    ]);
    // Interrupted or not, running the same files again writes nothing more and reports the same.
    expect(await cli('scores:import', 'scores.ndjson', '--user', 'importer@example.test')).toMatchObject({ created: '2', failed: '4' });
    expect(await cli('scores:import', 'scores.csv', '--user', 'importer@example.test')).toMatchObject({ created: '2', failed: '1' });

    const key = (await cli('api-keys:create', 'importer@example.test')).api_key;
    const server = await spawnServer({ SCOREKEEPER_DATA_DIR: dataDir });
    try {
      const scores = await scoresOf(server, key);
      expect(scores.count).toBe(4);
      const byLog = Object.fromEntries(scores.results.map((score) => [score.log_id, score]));
      expect(byLog.n1).toMatchObject({ numerical_value: 1, inputs: { q: 'a' }, evaluator_slug: 'quality', type: 'human' });
      expect(byLog.n3).toMatchObject({ boolean_value: true, scorer: 'judge' });
      expect(byLog.c1).toMatchObject({ numerical_value: 2, categorical_value: ['good'], inputs: { k: [1, 2] }, is_passed: false });
      expect(byLog.c3).toMatchObject({ boolean_value: true, numerical_value: null });
      const history = (await (
        await fetch(`${server.baseUrl}/api/scores/${String(byLog.n1.id)}/history/`, { headers: { Authorization: `Bearer ${key}` } })
      ).json()) as { results: unknown[] };
      expect(history.results).toMatchObject([{ revision: 1, operation: 'create', actor: 'importer@example.test' }]);
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
  });

  it('imports through the running server that holds the embedded database, and a re-run there creates no duplicates', async () => {
    await cli('users:create', 'importer@example.test', '--password', 'importer-password');
    const key = (await cli('api-keys:create', 'importer@example.test')).api_key;
    const server = await spawnServer({ SCOREKEEPER_DATA_DIR: dataDir });
    try {
      expect(await cli('scores:import', 'scores.ndjson', '--user', 'importer@example.test')).toMatchObject({
        rows: '6',
        created: '2',
        failed: '4',
      });
      expect(failedRows('scores.ndjson').map((row) => row.line)).toEqual([2, 4, 6, 7]);
      expect(await cli('scores:import', 'scores.ndjson', '--user', 'importer@example.test')).toMatchObject({ created: '2', failed: '4' });
      expect((await scoresOf(server, key)).count).toBe(2);
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
  });

  it('refuses a file it cannot read and a missing --user before opening any database', async () => {
    expect(await runCli(dataDir, ['scores:import', 'scores.txt', '--user', 'a@example.test'], files)).toMatchObject({
      code: 2,
      stderr: 'scores:import: <file> must end in .ndjson, .jsonl or .csv\n',
    });
    expect(await runCli(dataDir, ['scores:import', 'scores.ndjson'], files)).toMatchObject({
      code: 2,
      stderr: 'scores:import: --user <email> is required\n',
    });
  });
});
