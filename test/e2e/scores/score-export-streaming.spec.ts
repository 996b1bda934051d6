import { randomUUID } from 'node:crypto';
import { type IncomingMessage, get } from 'node:http';
import { Logger } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { ScoreExportRepository } from '../../../src/scores/export/score-export.repository';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';
import { exportScores, listAll, parseCsv, parseNdjson } from './score-export-support';

const PAGE_SIZE = 100;

/**
 * `count` scores of the tenant written directly (many at once), seven to a `created_at` with microseconds
 * (which a JavaScript Date cannot hold), `inputs` padded to `padding` characters.
 */
async function insertScores(t: TestApp, tenant: Tenant, count: number, padding = 0): Promise<void> {
  const em = t.app.get(MikroORM).em.fork() as EntityManager;
  await em.execute(
    `insert into scores (organization_id, id, log_id, evaluator_slug, type, environment, numerical_value, is_passed, inputs, revision, created_at, updated_at)
     select ?, gen_random_uuid(), 'bulk-' || g, 'bulk', 'human', case when g % 3 = 0 then 'staging' else 'production' end, g, g % 2 = 0,
            jsonb_build_object('g', g, 'padding', repeat('x', ?::int)), 1, x.at, x.at
     from generate_series(1, ?::int) g
     cross join lateral (select timestamptz '2026-01-01T00:00:00Z' + (g / 7) * interval '1.000123 second' as at) x`,
    [tenant.organizationId, padding, count],
  );
}

/** A GET whose response is not read until `resume` is called. */
function pausedExport(t: TestApp, tenant: Tenant, query: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    get(`${t.baseUrl}/api/scores/export/${query}`, { headers: tenant.bearerKey }, (res) => {
      res.pause();
      resolve(res);
    }).on('error', reject);
  });
}

/** Reads the rest of a response: its text, and whether it ended as a complete HTTP message. */
function readToEnd(res: IncomingMessage): Promise<{ text: string; complete: boolean }> {
  return new Promise((resolve) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('error', () => undefined);
    res.on('close', () => resolve({ text, complete: res.complete }));
    res.resume();
  });
}

/** Waits until `value()` has not changed for `quietMs` (at most `maxMs`), and returns it. */
async function settled(value: () => number, quietMs = 1000, maxMs = 20_000): Promise<number> {
  const started = Date.now();
  let last = value();
  let since = Date.now();
  while (Date.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (value() !== last) [last, since] = [value(), Date.now()];
    else if (Date.now() - since >= quietMs) break;
  }
  return last;
}

/** Exports larger than a page: keyset boundaries, backpressure from a slow client, a failure mid-stream. */
describe('score export streaming', () => {
  let t: TestApp;
  let pages: jest.SpyInstance;

  beforeAll(async () => {
    t = await startTestApp({ env: { EXPORT_PAGE_SIZE: String(PAGE_SIZE) } });
    pages = jest.spyOn(t.app.get(ScoreExportRepository), 'page');
  });
  afterEach(() => pages.mockClear());
  afterAll(() => t.close());

  it('crosses 25 page boundaries (equal created_at on either side) without a duplicate or a gap, as the list pages', async () => {
    const tenant = await createTenant(t.app, 'export-pages');
    await insertScores(t, tenant, 2500);
    for (const filters of ['', 'environment=staging']) {
      const exported = parseNdjson((await exportScores(t, tenant, filters ? `?${filters}` : '')).body as string);
      const listed = await listAll(t, tenant, filters);
      expect(exported.map((item) => item.id)).toEqual(listed.map((item) => item.id));
      expect(exported).toEqual(listed);
      expect(new Set(exported.map((item) => item.id)).size).toBe(filters ? 833 : 2500);
    }
    expect(pages).toHaveBeenCalledTimes(26 + 9);
    const csv = parseCsv((await exportScores(t, tenant, '?format=csv')).body as string);
    expect(csv.rows).toHaveLength(2500);
  });

  it('reads no further ahead than the client takes: a paused client holds the reads to a few pages', async () => {
    const tenant = await createTenant(t.app, 'export-slow');
    // 2,000 scores of ~60 KB: 20 pages of ~6 MB, 120 MB in all, far more than loopback's socket buffers
    // (autotuned up to tcp_rmem's 32 MB here).
    await insertScores(t, tenant, 2000, 60_000);
    const res = await pausedExport(t, tenant, '');
    expect(res.statusCode).toBe(200);
    const whilePaused = await settled(() => pages.mock.calls.length);
    expect(whilePaused).toBeGreaterThanOrEqual(1);
    expect(whilePaused).toBeLessThanOrEqual(10);
    const { text, complete } = await readToEnd(res);
    expect(complete).toBe(true);
    expect(parseNdjson(text)).toHaveLength(2000);
    expect(pages).toHaveBeenCalledTimes(21);
  });

  it('stops reading when the client goes away', async () => {
    const tenant = await createTenant(t.app, 'export-gone');
    // 15 pages of ~6 MB: more than a paused client's socket buffers take.
    await insertScores(t, tenant, 1500, 60_000);
    const res = await pausedExport(t, tenant, '');
    const beforeGone = await settled(() => pages.mock.calls.length);
    res.destroy();
    const afterGone = await settled(() => pages.mock.calls.length);
    // At most the page being read and the one read ahead when the client went away.
    expect(afterGone - beforeGone).toBeLessThanOrEqual(2);
    expect(afterGone).toBeLessThan(15);
  });

  it('aborts the transfer when the database fails mid-stream (never a file that looks complete), and logs it', async () => {
    const tenant = await createTenant(t.app, 'export-fails');
    await insertScores(t, tenant, 350);
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const original = pages.getMockImplementation();
    pages.mockImplementation(async function (this: ScoreExportRepository, ...args: Parameters<ScoreExportRepository['page']>) {
      if (pages.mock.calls.length === 3) throw new Error(`connection lost ${randomUUID()}`);
      return ScoreExportRepository.prototype.page.apply(this, args);
    });
    try {
      for (const format of ['ndjson', 'csv']) {
        pages.mockClear();
        const { text, complete } = await readToEnd(await pausedExport(t, tenant, `?format=${format}`));
        expect(complete).toBe(false);
        expect(text.length).toBeGreaterThan(0);
        if (format === 'ndjson') expect(parseNdjson(text)).toHaveLength(2 * PAGE_SIZE);
      }
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('connection lost'));
    } finally {
      pages.mockImplementation(original);
      logged.mockRestore();
    }
  });

  it('answers a database failure before the first byte as an ordinary error', async () => {
    const tenant = await createTenant(t.app, 'export-fails-first');
    pages.mockRejectedValueOnce(new Error('connection lost before the first page'));
    const res = await exportScores(t, tenant);
    expect(res.status).toBe(500);
  });
});
