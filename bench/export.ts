/**
 * The export workload: one `GET /api/scores/export/` of the list organization (1,000,000 scores in the
 * full seed) read as fast as the client can, timed, with the service's resident size sampled while it
 * streams. `npm run bench -- --export` runs only this (seed included); the full run adds it after the
 * PostgreSQL workloads.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DATABASE_PREFIX, createDatabase, databaseExists, databaseUrl, dropDatabase, withDatabase } from './database.ts';
import { createWritingFixture, seededApiKey } from './fixtures.ts';
import type { SeedSize } from './options.ts';
import { ADMIN, type RunningServer, removeBuildSnapshot, startService, stop } from './processes.ts';
import { seed } from './seed.ts';
import { type Verdict, judgeLimit } from './targets.ts';

export const EXPORT_TARGETS = { seconds: 30, rssGrowthMiB: 50 };
export const EXPORT_FORMATS = ['ndjson', 'csv'] as const;

export interface ExportFigures {
  format: (typeof EXPORT_FORMATS)[number];
  /** Records received: lines of NDJSON, rows of CSV after the header (the seed's text holds no line break). */
  scores: number;
  bytes: number;
  seconds: number;
  rssBeforeMiB: number;
  rssPeakMiB: number;
  /** Peak during the export minus the size just before it. */
  rssGrowthMiB: number;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function rssMiB(pid: number): number {
  const kib = Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN);
  return kib / 1024;
}

/** Exports every score the key's organization holds in `format`, reading the body as it arrives. */
export async function measureExport(server: RunningServer, apiKey: string, format: ExportFigures['format']): Promise<ExportFigures> {
  const pid = server.child.pid!;
  const rssBeforeMiB = rssMiB(pid);
  let rssPeakMiB = rssBeforeMiB;
  const sampler = setInterval(() => (rssPeakMiB = Math.max(rssPeakMiB, rssMiB(pid))), 50);
  const started = performance.now();
  let bytes = 0;
  let lineBreaks = 0;
  try {
    const response = await fetch(`${server.url}/api/scores/export/?format=${format}`, { headers: { Authorization: `Bearer ${apiKey}` } });
    if (response.status !== 200 || !response.body) throw new Error(`export answered ${response.status}: ${await response.text()}`);
    for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (let index = chunk.indexOf(10); index >= 0; index = chunk.indexOf(10, index + 1)) lineBreaks++;
    }
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  rssPeakMiB = Math.max(rssPeakMiB, rssMiB(pid));
  return {
    format,
    scores: format === 'csv' ? lineBreaks - 1 : lineBreaks,
    bytes,
    seconds: round(seconds, 2),
    rssBeforeMiB: round(rssBeforeMiB),
    rssPeakMiB: round(rssPeakMiB),
    rssGrowthMiB: round(rssPeakMiB - rssBeforeMiB),
  };
}

export const judgeExport = (figures: ExportFigures): Verdict[] => [
  judgeLimit(`export ${figures.format} of ${figures.scores} scores, time`, figures.seconds, EXPORT_TARGETS.seconds, 's'),
  judgeLimit(`export ${figures.format}, RSS growth while streaming`, figures.rssGrowthMiB, EXPORT_TARGETS.rssGrowthMiB, 'MiB'),
];

/** Both formats, one after the other, each logged with its verdicts. */
export async function measureExports(server: RunningServer, apiKey: string, log: (line: string) => void): Promise<ExportFigures[]> {
  log('Export of the list organization (GET /api/scores/export/), PostgreSQL');
  const figures: ExportFigures[] = [];
  for (const format of EXPORT_FORMATS) {
    figures.push(await measureExport(server, apiKey, format));
    log(describeExport(figures.at(-1)!));
    for (const verdict of judgeExport(figures.at(-1)!)) log(`  ${verdict.met ? '✔' : '✘'} ${verdict.target}: ${verdict.detail}`);
  }
  return figures;
}

const describeExport = (figures: ExportFigures): string =>
  `  ${figures.format}: ${figures.scores} scores, ${round(figures.bytes / 2 ** 20)} MiB in ${figures.seconds} s ` +
  `(${Math.round(figures.scores / figures.seconds)} scores/s); RSS ${figures.rssBeforeMiB} → peak ${figures.rssPeakMiB} MiB ` +
  `(+${figures.rssGrowthMiB} MiB)`;

/** The list organization of a database seeded earlier, with a new key (a key's text is not stored); null when it holds none. */
async function seededListing(url: string): Promise<{ apiKey: string } | null> {
  return withDatabase(url, async (client) => {
    const migrated = await client.query<{ table: string | null }>("select to_regclass('organizations') as table");
    if (!migrated.rows[0].table) return null;
    const organizations = await client.query<{ id: string }>("select id from organizations where name = 'Bench list organization'");
    if (organizations.rows.length === 0) return null;
    const organizationId = organizations.rows[0].id;
    const key = seededApiKey();
    await client.query(
      `insert into api_keys (organization_id, id, user_id, description, prefix, key_hash, truncated, created_by, created_at, updated_at)
       select $1, $2, id, 'bench export key', $3, $4, $5, id, now(), now() from users where organization_id = $1 limit 1`,
      [organizationId, randomUUID(), key.prefix, key.hash, key.truncated],
    );
    return { apiKey: key.key };
  });
}

async function seedFresh(url: string, size: SeedSize, log: (line: string) => void): Promise<{ apiKey: string }> {
  const first = await startService({ databaseUrl: url });
  const fixture = await createWritingFixture(first.url, ADMIN.apiKey);
  await stop(first);
  log('Seeding (set-based SQL)…');
  const data = await withDatabase(url, (client) => seed(client, size, fixture, ADMIN.email));
  log(`  ${JSON.stringify(data.rows)} in ${data.seconds} s`);
  return data.listing;
}

/**
 * `--export`: the seed, then only the export measurement (no results file). In a fresh database dropped
 * afterwards, or with `--export-database=name` in that one, seeded only if it is not yet and kept.
 */
export async function exportOnly(size: SeedSize, log: (line: string) => void, keptDatabase?: string): Promise<void> {
  const name = keptDatabase ?? `${DATABASE_PREFIX}scorekeeper_bench_export_${Date.now()}`;
  if (!keptDatabase || !(await databaseExists(name))) await createDatabase(name);
  try {
    const url = databaseUrl(name);
    const listing = (keptDatabase && (await seededListing(url))) || (await seedFresh(url, size, log));
    const service = await startService({ databaseUrl: url });
    try {
      await measureExports(service, listing.apiKey, log);
    } finally {
      await stop(service);
    }
  } finally {
    if (!keptDatabase) await dropDatabase(name);
    removeBuildSnapshot();
  }
}
