/**
 * `npm run bench -- --summary [--quick]`: `GET /api/scores/summary/` for one evaluator over 250,000 scores
 * (5,000 with --quick) beside 250,000 of three other evaluators, on PostgreSQL, unloaded, one request at a
 * time on one connection. Counts, pass rate and moments come from the running buckets (target p50 ≤ 50 ms);
 * percentiles are read from the rows (target p50 ≤ 300 ms). The rows' path of the same numbers is shown too.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { createDatabase, databaseUrl, dropDatabase, withDatabase } from './database.ts';
import { createWritingFixture } from './fixtures.ts';
import { authHeaders } from './http.ts';
import { ADMIN, removeBuildSnapshot, startService, stop } from './processes.ts';

const log = (line: string) => process.stdout.write(`${line}\n`);

export const SUMMARY_TARGETS = { momentsP50Ms: 50, percentilesP50Ms: 300 };

/** Scores of the organization's evaluators: `$3` ids in turn, the first getting `$2` of them; two prompt versions, a day every ~3 h. */
const SCORES = `
  insert into scores (organization_id, id, evaluator_id, evaluator_slug, type, log_id, environment, dataset_id, prompt_id,
                      prompt_version_number, scorer, numerical_value, is_passed, inputs, revision, created_at, updated_at)
  select $1, gen_random_uuid(), ($3::uuid[])[1 + g % cardinality($3::uuid[])], 'bench_numeric', 'llm', 'summary-log-' || g,
         case when g % 5 = 0 then 'staging' else 'production' end, 'dataset-' || (g % 10), 'prompt-main', 1 + (g / 4) % 2,
         'scorer-' || (g % 7), x.value, x.value >= 5, '{}', 1, x.at, x.at
  from generate_series(1, $2::int * cardinality($3::uuid[])) g
  cross join lateral (select ((g * 7) % 101) / 10.0 as value, now() - g * interval '3 seconds' as at) x`;

interface Measured {
  name: string;
  path: string;
  p50: number;
  p99: number;
  target?: number;
}

async function timeRequests(baseUrl: string, path: string, count: number): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let index = 0; index < count + 5; index++) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}${path}`, { headers: authHeaders(ADMIN.apiKey) });
    await response.text();
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
    if (index >= 5) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (fraction: number) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * fraction))] * 10) / 10;
  return { p50: at(0.5), p99: at(0.99) };
}

export async function summaryBench(argv: string[]): Promise<void> {
  const quick = argv.includes('--quick');
  const perEvaluator = quick ? 5_000 : 250_000;
  const name = `scorekeeper_bench_summary_${Date.now()}`;
  const loadAtStart = loadavg()[0];
  await createDatabase(name);
  try {
    const url = databaseUrl(name);
    const service = await startService({ databaseUrl: url });
    try {
      const fixture = await createWritingFixture(service.url, ADMIN.apiKey);
      log(`Seeding ${perEvaluator} scores for each of 4 evaluators (set-based SQL, triggers keeping the buckets)…`);
      const started = performance.now();
      const evaluatorId = fixture.evaluatorId;
      await withDatabase(url, async (client) => {
        const { rows } = await client.query<{ organization_id: string }>('select organization_id from scorers where id = $1', [
          evaluatorId,
        ]);
        const others = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
        await client.query(SCORES, [rows[0].organization_id, perEvaluator, [evaluatorId, ...others]]);
        await client.query('vacuum analyze');
      });
      log(`  seeded in ${Math.round((performance.now() - started) / 100) / 10} s`);
      const base = `/api/scores/summary/?evaluator_id=${evaluatorId}`;
      const cases: Omit<Measured, 'p50' | 'p99'>[] = [
        { name: 'counts, pass rate, moments', path: `${base}&percentiles=false`, target: SUMMARY_TARGETS.momentsP50Ms },
        { name: 'the same per day', path: `${base}&group_by=day&percentiles=false`, target: SUMMARY_TARGETS.momentsP50Ms },
        {
          name: 'prompt versions compared',
          path: `${base}&compare=prompt_version_number:1,2&percentiles=false`,
          target: SUMMARY_TARGETS.momentsP50Ms,
        },
        { name: 'with percentiles', path: base, target: SUMMARY_TARGETS.percentilesP50Ms },
        { name: 'counts and moments read from the rows (a range filter)', path: `${base}&numerical_value__gte=0&percentiles=false` },
      ];
      const measured: Measured[] = [];
      for (const item of cases) {
        const result = { ...item, ...(await timeRequests(service.url, item.path, quick ? 10 : 40)) };
        measured.push(result);
        log(`  ${item.name}: p50 ${result.p50} ms, p99 ${result.p99} ms${item.target ? ` (target p50 ≤ ${item.target} ms)` : ''}`);
      }
      const report = [
        `# Summary benchmark, ${new Date().toISOString()} (${quick ? 'quick' : 'full'})`,
        '',
        `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}; load average ${loadAtStart.toFixed(2)} at the start, ${loadavg()[0].toFixed(2)} at the end. PostgreSQL, one evaluator of ${perEvaluator} scores beside 3 × ${perEvaluator} others; one request at a time.`,
        '',
        '| summary | p50 ms | p99 ms | target p50 | met |',
        '| --- | ---: | ---: | ---: | --- |',
        ...measured.map(
          (item) =>
            `| ${item.name} | ${item.p50} | ${item.p99} | ${item.target ? `≤ ${item.target} ms` : '–'} | ${item.target ? (item.p50 <= item.target ? 'yes' : 'no') : '–'} |`,
        ),
      ].join('\n');
      log(`\n${report}`);
      mkdirSync(new URL('results/', import.meta.url), { recursive: true });
      const file = new URL(`results/summary-${new Date().toISOString().slice(0, 10)}${quick ? '-quick' : ''}.md`, import.meta.url);
      writeFileSync(file, `${report}\n`);
      log(`Results: ${file.pathname}`);
    } finally {
      await stop(service);
    }
  } finally {
    await dropDatabase(name);
    removeBuildSnapshot();
  }
}
