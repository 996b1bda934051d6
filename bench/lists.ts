/**
 * `npm run bench -- --lists [--quick | --seed=10m] [--keep | --database=lists_…]`: `GET /api/scores/` per
 * single-field filter (count and first page) and deep pages, one request at a time, over the list
 * organization of the seed (1,000,000 scores; 10,000,000 with `--seed=10m`; 5,000 with `--quick`), beside
 * the rows' path the list took before (rows counted, page read from offset 0) as SQL without HTTP.
 * Targets: p50 ≤ 25 ms for a filter, ≤ 50 ms for a deep page.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type pg from 'pg';
import { createDatabase, databaseUrl, dropDatabase, withDatabase } from './database.ts';
import { createWritingFixture, seededApiKey } from './fixtures.ts';
import { authHeaders } from './http.ts';
import type { BenchOptions } from './options.ts';
import { ADMIN, removeBuildSnapshot, startService, stop } from './processes.ts';
import { type Seed, seed } from './seed.ts';

const log = (line: string) => process.stdout.write(`${line}\n`);

export const LIST_TARGETS = { filterP50Ms: 25, deepPageP50Ms: 50 };
const PAGE_SIZE = 50;

interface ListCase {
  name: string;
  /** The query string (without `page`). */
  query: string;
  /** The same filter in SQL over `scores`, `$1` the organization. */
  where: string;
  params: unknown[];
  /** Before: the count read from `score_counts` (no filter, one evaluator), otherwise the rows counted. */
  keptBefore?: boolean;
  order?: string;
  /** How deep the page is, as a fraction of the pages (first page when absent). */
  depth?: number;
  target: number;
}

type Timing = { p50: number; p99: number; samples: number };

type ListSeed = Pick<Seed, 'listing' | 'rows' | 'seconds'>;

function cases(data: ListSeed): ListCase[] {
  const filter = (name: string, query: string, where: string, params: unknown[] = [], keptBefore = false): ListCase => ({
    name,
    query,
    where,
    params,
    keptBefore,
    target: LIST_TARGETS.filterP50Ms,
  });
  const deep = (name: string, query: string, where: string, params: unknown[], order = 'created_at desc, id desc'): ListCase => ({
    name,
    query,
    where,
    params,
    order,
    depth: 0.95,
    target: LIST_TARGETS.deepPageP50Ms,
  });
  const thirtyDaysAgo = new Date(Date.now() - 30 * 86_400_000).toISOString();
  return [
    filter('no filter (count)', '', 'true', [], true),
    filter('evaluator_id', `evaluator_id=${data.listing.evaluatorId}`, 'evaluator_id = $2', [data.listing.evaluatorId], true),
    filter('evaluator_slug', 'evaluator_slug=bench_numeric', 'evaluator_slug = $2', ['bench_numeric']),
    filter('log_id', 'log_id=seed-log-4242', 'log_id = $2', ['seed-log-4242']),
    filter('dataset_id (no score has it)', 'dataset_id=none', 'dataset_id = $2', ['none']),
    filter('environment=staging', 'environment=staging', 'environment = $2', ['staging']),
    filter('scorer (every score)', 'scorer=seed-scorer', 'scorer = $2', ['seed-scorer']),
    filter('type=llm (every score)', 'type=llm', 'type = $2', ['llm']),
    filter('is_passed=true', 'is_passed=true', 'is_passed = $2', [true]),
    filter('start_time (last 30 days)', `start_time=${thirtyDaysAgo}`, 'created_at >= $2', [thirtyDaysAgo]),
    filter('end_time (all but 30 days)', `end_time=${thirtyDaysAgo}`, 'created_at <= $2', [thirtyDaysAgo]),
    filter('numerical_value__gte=9', 'numerical_value__gte=9', 'numerical_value >= $2', [9]),
    filter('numerical_value__lte=1', 'numerical_value__lte=1', 'numerical_value <= $2', [1]),
    deep('deep page, no filter', '', 'true', []),
    deep('deep page, ascending', 'sort_by=created_at', 'true', [], 'created_at asc, id asc'),
    deep('deep page, environment=staging', 'environment=staging', 'environment = $2', ['staging']),
    deep('deep page, is_passed=true', 'is_passed=true', 'is_passed = $2', [true]),
    deep('deep page, sort_by=-updated_at (no seek)', 'sort_by=-updated_at', 'true', [], 'updated_at desc, id desc'),
  ];
}

/** Times `once` one call at a time: `warmUps` calls, then `count` (fewer when they pass `budgetMs` in all). */
async function timed(once: () => Promise<void>, count: number, budgetMs: number, warmUps = 2): Promise<Timing> {
  for (let index = 0; index < warmUps; index++) await once();
  const times: number[] = [];
  const started = performance.now();
  while (times.length < count && (times.length < 3 || performance.now() - started < budgetMs)) {
    const at = performance.now();
    await once();
    times.push(performance.now() - at);
  }
  times.sort((a, b) => a - b);
  const at = (fraction: number) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * fraction))] * 10) / 10;
  return { p50: at(0.5), p99: at(0.99), samples: times.length };
}

async function countOf(client: pg.Client, organizationId: string, item: ListCase): Promise<number> {
  const sql = `select count(*) as n from scores where organization_id = $1 and ${item.where}`;
  return Number((await client.query<{ n: string }>(sql, [organizationId, ...item.params])).rows[0].n);
}

/** The statements the list sent before: the count (kept or the rows), then the page from offset 0. */
function rowsPath(client: pg.Client, organizationId: string, item: ListCase, offset: number): () => Promise<void> {
  const params = [organizationId, ...item.params];
  const count = item.keptBefore
    ? `select coalesce(sum(count), 0) from score_counts where organization_id = $1${item.params.length ? ' and evaluator_key = $2' : ''}`
    : `select count(*) from scores where organization_id = $1 and ${item.where}`;
  const page = `select * from scores where organization_id = $1 and ${item.where} order by ${item.order ?? 'created_at desc, id desc'} offset ${offset} limit ${PAGE_SIZE}`;
  return async () => {
    await client.query(count, params);
    await client.query(page, params);
  };
}

function servicePath(baseUrl: string, apiKey: string, path: string): () => Promise<void> {
  return async () => {
    const response = await fetch(`${baseUrl}${path}`, { headers: authHeaders(apiKey) });
    await response.text();
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
  };
}

interface Row {
  item: ListCase;
  matching: number;
  page: number;
  before: Timing;
  /** The service's timings, or what it answered instead of 200 (e.g. 503 when a statement passes its timeout). */
  after: Timing | string;
}

const SECTION = /^## (.+) scores\n[\s\S]*?(?=^## |(?![\s\S]))/gm;

/** Adds (or replaces) this size's section in the day's results file. */
function writeReport(sizeLabel: string, section: string, quick: boolean): string {
  mkdirSync(new URL('results/', import.meta.url), { recursive: true });
  const file = new URL(`results/lists-${new Date().toISOString().slice(0, 10)}${quick ? '-quick' : ''}.md`, import.meta.url);
  const header =
    '# List benchmark\n\n`npm run bench -- --lists [--seed=10m]`: `GET /api/scores/` one request at a time (after), and the statements the list sent before this change, as SQL only (before: the rows counted, the page read from offset 0).\n\n';
  const kept = existsSync(file)
    ? [...readFileSync(file, 'utf8').matchAll(SECTION)].filter((match) => match[1] !== sizeLabel).map((match) => match[0].trimEnd())
    : [];
  writeFileSync(file, `${header}${[...kept, section].join('\n\n')}\n`);
  return file.pathname;
}

/** The list organization of a database seeded by an earlier `--keep` run, with a new API key of its user. */
async function keptSeed(client: pg.Client): Promise<ListSeed> {
  const { rows } = await client.query<{ organization_id: string; user_id: string; evaluator_id: string }>(
    `select o.id as organization_id, u.id as user_id, s.id as evaluator_id from organizations o
       join users u on u.organization_id = o.id join scorers s on s.organization_id = o.id and s.slug = 'bench_numeric'
     where o.name = 'Bench list organization'`,
  );
  const [{ organization_id: organizationId, user_id: userId, evaluator_id: evaluatorId }] = rows;
  const key = seededApiKey();
  await client.query(
    `insert into api_keys (organization_id, id, user_id, description, prefix, key_hash, truncated, created_by, created_at, updated_at)
     values ($1, gen_random_uuid(), $2, 'bench list key (again)', $3, $4, $5, $2, now(), now())`,
    [organizationId, userId, key.prefix, key.hash, key.truncated],
  );
  const { rows: counted } = await client.query<{ scores: string }>('select count(*) as scores from scores');
  return { listing: { organizationId, apiKey: key.key, evaluatorId }, rows: { scores: Number(counted[0].scores) }, seconds: 0 };
}

async function seeded(url: string, options: BenchOptions): Promise<ListSeed> {
  if (options.database) return withDatabase(url, keptSeed);
  const first = await startService({ databaseUrl: url });
  const fixture = await createWritingFixture(first.url, ADMIN.apiKey);
  await stop(first);
  log(
    `Seeding ${options.seed.listScores.toLocaleString('en')} scores in the list organization (set-based SQL, the triggers keeping the counts)…`,
  );
  const data = await withDatabase(url, async (client) => {
    await client.query("set work_mem = '256MB'");
    return seed(client, options.seed, fixture, ADMIN.email);
  });
  log(`  ${JSON.stringify(data.rows)} in ${data.seconds} s`);
  return data;
}

async function measure(url: string, data: ListSeed, options: BenchOptions, measured: (rows: Row[]) => void): Promise<Row[]> {
  const service = await startService({ databaseUrl: url });
  const rows: Row[] = [];
  try {
    await withDatabase(url, async (client) => {
      for (const item of cases(data)) {
        const matching = await countOf(client, data.listing.organizationId, item);
        const pages = Math.max(1, Math.ceil(matching / PAGE_SIZE));
        const page = item.depth ? Math.max(1, Math.floor(pages * item.depth)) : 1;
        const path = `/api/scores/?${[item.query, page > 1 ? `page=${page}` : '', `page_size=${PAGE_SIZE}`].filter(Boolean).join('&')}`;
        const count = options.quick ? 10 : options.seed.listScores > 2_000_000 ? 15 : 30;
        // The rows' path takes seconds at ten million: one warm-up and a smaller budget.
        const before = await timed(rowsPath(client, data.listing.organizationId, item, (page - 1) * PAGE_SIZE), count, 10_000, 1);
        const after = await timed(servicePath(service.url, data.listing.apiKey, path), count, 20_000).catch(
          (error: Error) => error.message,
        );
        rows.push({ item, matching, page, before, after });
        measured(rows);
        log(
          `  ${item.name} (${matching} rows, page ${page}): before p50 ${before.p50} ms, after ${typeof after === 'string' ? after : `p50 ${after.p50} ms`}`,
        );
      }
    });
  } finally {
    await stop(service);
  }
  return rows;
}

function sectionOf(rows: Row[], data: ListSeed, options: BenchOptions, loadAtStart: number[]): string {
  const seeding = options.database ? 'measured again on the kept database' : `seeded in ${data.seconds} s`;
  const loads = (values: number[]) => values.map((load) => load.toFixed(2)).join(', ');
  return [
    `## ${options.seed.listScores.toLocaleString('en')} scores`,
    '',
    `${new Date().toISOString()} (${options.quick ? 'quick' : 'full'} seed: ${JSON.stringify(data.rows)}, ${seeding}). ${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}; load average ${loads(loadAtStart)} at the start, ${loads(loadavg())} at the end (the machine is shared with other jobs: not the unloaded figure). Page size ${PAGE_SIZE}; p50/p99 over the samples shown (after two warm-up calls; the rows' path after one).`,
    '',
    '| case | matching scores | page | before p50 ms | after p50 ms | after p99 ms | samples | target p50 | met |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map(({ item, matching, page, before, after }) => {
      const measured = typeof after === 'string' ? [after, '–', '–'] : [after.p50, after.p99, after.samples];
      const met = typeof after !== 'string' && after.p50 <= item.target;
      return `| ${item.name} | ${matching.toLocaleString('en')} | ${page.toLocaleString('en')} | ${before.p50} | ${measured.join(' | ')} | ≤ ${item.target} ms | ${met ? 'yes' : 'no'} |`;
    }),
  ].join('\n');
}

export async function listsBench(options: BenchOptions): Promise<void> {
  const name = options.database ?? `lists_bench_${Date.now()}`;
  const loadAtStart = loadavg();
  if (!options.database) await createDatabase(name);
  try {
    const url = databaseUrl(name);
    const data = await seeded(url, options);
    const sizeLabel = options.seed.listScores.toLocaleString('en');
    // The file is written after each case: a run cut short keeps what it measured.
    const rows = await measure(url, data, options, (sofar) =>
      writeReport(sizeLabel, sectionOf(sofar, data, options, loadAtStart), options.quick),
    );
    const section = sectionOf(rows, data, options, loadAtStart);
    log(`\n${section}`);
    log(`Results: ${writeReport(sizeLabel, section, options.quick)}`);
  } finally {
    if (options.keep || options.database) log(`Kept the database ${name}: drop it when done.`);
    else await dropDatabase(name);
    removeBuildSnapshot();
  }
}
