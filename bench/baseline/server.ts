/**
 * The raw baseline: Fastify and `pg`, the same statements, transactions and indexes as the service
 * for the benchmarked routes, and nothing else (no framework, ORM, validation or logging).
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import pg from 'pg';
import { batchRowsDocument } from '../../src/scores/batch/score-batch.statement.ts';
import { columnParameter } from '../../src/scores/model/score-field-table.ts';
import { INSERTED, SQL, UPDATED } from './queries.ts';
import { type Row, healthScoreJson, passes, scoreJson, snapshotJson } from './shapes.ts';

interface Caller {
  organizationId: string;
  actor: string;
}

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
// An idle connection the server closed (a restart) is replaced on the next query, as the service's pool does.
pool.on('error', () => undefined);
const app = Fastify({ routerOptions: { ignoreTrailingSlash: true } });

async function caller(request: FastifyRequest): Promise<Caller | null> {
  const header = request.headers['galileo-api-key'] ?? request.headers.authorization?.replace(/^Bearer\s+/i, '');
  if (typeof header !== 'string' || header.length < 16) return null;
  const now = new Date();
  const { rows } = await pool.query(SQL.apiKey, [header.slice(0, 12), now]);
  const hash = createHash('sha256').update(header, 'utf8').digest();
  const key = rows.find((row) => timingSafeEqual(hash, Buffer.from(row.key_hash as string, 'hex')));
  if (!key) return null;
  if (!key.last_used || now.getTime() - (key.last_used as Date).getTime() > 60_000) {
    await pool.query(SQL.touchApiKey, [key.organization_id, key.id, now, new Date(now.getTime() - 60_000)]);
  }
  return { organizationId: key.organization_id as string, actor: (key.description as string) || (key.email as string) };
}

/** Runs `work` with the caller, or answers 401. */
const authenticated =
  <P, Q, B>(
    work: (who: Caller, request: FastifyRequest<{ Params: P; Querystring: Q; Body: B }>, reply: FastifyReply) => Promise<unknown>,
  ) =>
  async (request: FastifyRequest<{ Params: P; Querystring: Q; Body: B }>, reply: FastifyReply) => {
    const who = await caller(request);
    if (!who) return reply.code(401).send({ detail: 'Invalid token.' });
    return work(who, request, reply);
  };

async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

/** JSON built by the database carries its timestamps as text. */
const withDates = (row: Row, columns: string[]): Row =>
  Object.fromEntries(
    Object.entries(row).map(([name, value]) => [name, columns.includes(name) && value !== null ? new Date(value as string) : value]),
  );

const one = async (client: pg.Pool | pg.PoolClient, sql: string, params: unknown[]): Promise<Row | null> =>
  ((await client.query(sql, params)).rows[0] as Row | undefined) ?? null;

app.get('/health/ready', async () => {
  await pool.query('select 1');
  return { status: 'ok' };
});

app.patch<{ Params: { id: string }; Body: { numerical_value: number } }>(
  '/api/scores/:id',
  authenticated(async (who, request, reply) => {
    const view = await transaction(async (client) => {
      const row = await one(client, SQL.lockScoreWithEvaluator, [who.organizationId, request.params.id]);
      if (!row) return null;
      const { live_evaluator: found, ...score } = row;
      const evaluator = found ? withDates(found as Row, ['created_at', 'updated_at', 'deleted_at']) : null;
      score.numerical_value = request.body.numerical_value;
      score.is_passed = passes(evaluator, request.body.numerical_value);
      score.revision = (score.revision as number) + 1;
      score.updated_at = new Date();
      await client.query(SQL.updateScoreWithRevision, [
        ...parametersOf(score, UPDATED),
        who.organizationId,
        score.id,
        randomUUID(),
        score.revision,
        'update',
        JSON.stringify(snapshotJson(score)),
        who.actor,
        score.updated_at,
      ]);
      return { score, evaluator };
    });
    if (!view) return reply.code(404).send({ detail: 'Not found.' });
    return reply.header('ETag', `"${view.score.revision as number}"`).send(scoreJson(view.score, view.evaluator));
  }),
);

type CreateBody = Record<string, unknown> & { evaluator_slug: string; numerical_value: number };

/** A new score row keyed by column: each field of the service's table from the body (or its fallback), the evaluator or the server. */
function newScoreRow(who: Caller, body: CreateBody, evaluator: Row | null): Row {
  const now = new Date();
  const server: Row = {
    organization_id: who.organizationId,
    id: randomUUID(),
    created_at: now,
    is_passed: passes(evaluator, body.numerical_value),
    revision: 1,
    updated_at: now,
  };
  const fromEvaluator: Row = {
    evaluator_id: evaluator?.id ?? null,
    evaluator_slug: body.evaluator_slug,
    evaluator_name: evaluator?.name ?? null,
    type: evaluator?.evaluator_type ?? 'human',
  };
  const row: Row = {};
  for (const field of INSERTED) {
    const sent = body[field.column];
    const fallback = typeof field.fallback === 'object' && field.fallback !== null ? { ...field.fallback } : field.fallback;
    row[field.column] =
      field.source === 'server' ? server[field.column] : field.source === 'evaluator' ? fromEvaluator[field.column] : (sent ?? fallback);
  }
  return row;
}

/** Parameters of a write, in the order of its columns (JSON columns as JSON text). */
const parametersOf = (row: Row, fields: typeof INSERTED): unknown[] => fields.map((field) => columnParameter(field, row[field.column]));

app.post<{ Body: CreateBody }>(
  '/api/scores',
  authenticated(async (who, request, reply) => {
    const body = request.body;
    const evaluator = await one(pool, SQL.liveScorerBySlug, [who.organizationId, body.evaluator_slug]);
    const score = newScoreRow(who, body, evaluator);
    await pool.query(SQL.insertScoreWithRevision, [
      ...parametersOf(score, INSERTED),
      randomUUID(),
      1,
      'create',
      JSON.stringify(snapshotJson(score)),
      who.actor,
      score.updated_at,
    ]);
    return reply.code(201).send(scoreJson(score, evaluator));
  }),
);

/** A PostgreSQL array literal, as the service sends its lists (src/common/query/array-literal.ts). */
const arrayLiteral = (values: string[]): string => `{${values.map((value) => `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;

app.post<{ Body: { scores: CreateBody[] } }>(
  '/api/scores/batch',
  authenticated(async (who, request) => {
    const bodies = request.body.scores;
    const slugs = [...new Set(bodies.map((body) => body.evaluator_slug))];
    const { rows: found } = await pool.query(SQL.liveScorersByReferences, [who.organizationId, '{}', arrayLiteral(slugs)]);
    const evaluators = new Map<unknown, Row>(found.map((evaluator) => [evaluator.slug, evaluator]));
    const scores = bodies.map((body) => newScoreRow(who, body, evaluators.get(body.evaluator_slug) ?? null));
    const document = batchRowsDocument(INSERTED, scores, 'column', (score) => ({ id: randomUUID(), values: snapshotJson(score as Row) }));
    const { rows } = await pool.query(SQL.insertBatch, [document, who.actor, who.organizationId]);
    const inserted = new Set(rows.map((row) => row.score_id));
    const results = scores.map((score, index) =>
      inserted.has(score.id)
        ? { index, status: 201, score: scoreJson(score, evaluators.get(score.evaluator_slug) ?? null) }
        : { index, status: 400, errors: { non_field_errors: ['The fields log_id, evaluator_slug, scorer must make a unique set.'] } },
    );
    return { created: inserted.size, failed: scores.length - inserted.size, results };
  }),
);

type HealthBody = { dataset_id: string; health_score_type: string; score: number; secondary?: Record<string, number> | null };

app.post<{ Params: { scorer_id: string; version_number: string }; Body: HealthBody }>(
  '/v2/scorers/:scorer_id/versions/:version_number/health-scores',
  authenticated(async (who, request, reply) => {
    const body = request.body;
    const version = Number(request.params.version_number);
    const row = await one(pool, SQL.upsertHealthScore, [
      who.organizationId,
      request.params.scorer_id,
      version,
      randomUUID(),
      body.dataset_id.toLowerCase(),
      body.health_score_type,
      body.score,
      body.secondary == null ? null : JSON.stringify(body.secondary),
    ]);
    if (!row) return reply.code(404).send({ detail: 'Scorer or version not found' });
    return healthScoreJson({ ...row, scorer_version_number: version });
  }),
);

app.get<{ Params: { scorer_id: string }; Querystring: { dataset_id: string } }>(
  '/v2/scorers/:scorer_id/health-scores',
  authenticated(async (who, request, reply) => {
    const { rows } = await pool.query(SQL.healthScoresOfScorer, [
      who.organizationId,
      request.params.scorer_id,
      request.query.dataset_id.toLowerCase(),
    ]);
    if (rows.length === 0) return reply.code(404).send({ detail: 'Scorer not found' });
    return { scores: rows.filter((row) => row.id !== null).map(healthScoreJson) };
  }),
);

function pageUrl(request: FastifyRequest, page: number): string {
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
  url.searchParams.set('page', String(page));
  if (page === 1) url.searchParams.delete('page');
  return url.toString();
}

app.get<{ Querystring: { evaluator_id: string; page?: string; page_size?: string } }>(
  '/api/scores',
  authenticated(async (who, request, reply) => {
    const page = Number(request.query.page ?? 1);
    const size = Number(request.query.page_size ?? 50);
    const { count } = (await one(pool, SQL.countByEvaluator, [who.organizationId, request.query.evaluator_id])) as { count: number };
    const last = Math.max(1, Math.ceil(count / size));
    if (page > last) return reply.code(404).send({ detail: 'Invalid page.' });
    const { rows } = await pool.query(SQL.pageByEvaluator, [who.organizationId, request.query.evaluator_id, size, (page - 1) * size]);
    const ids = [...new Set(rows.map((row) => row.evaluator_id).filter((id) => id !== null))];
    const found = ids.length ? (await pool.query(SQL.liveScorers, [who.organizationId, ids])).rows : [];
    const evaluators = new Map<unknown, Row>(found.map((evaluator) => [evaluator.id, evaluator]));
    return {
      count,
      next: page < last ? pageUrl(request, page + 1) : null,
      previous: page > 1 ? pageUrl(request, page - 1) : null,
      results: rows.map((row) => scoreJson(row, evaluators.get(row.evaluator_id) ?? null)),
    };
  }),
);

await app.listen({ port: Number(process.env.PORT ?? 8099), host: process.env.HOST ?? '127.0.0.1' });
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0));
  });
}
