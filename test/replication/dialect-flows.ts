import { randomUUID } from 'node:crypto';
import type { TestApp } from '../support/test-app';
import type { Tenant } from '../support/tenants';
import type { ReadBook } from './read-book';

/**
 * The write/read flows of both dialects, each write made through one instance and read back at once through
 * the other: Galileo scorers, versions and health scores; Respan evaluators, scores (with history) and log
 * scores. Every read-back is judged fresh or stale in `book`; a failed write throws.
 */
export interface Instances {
  writer: TestApp;
  reader: TestApp;
}

function written<T extends { status: number; body: unknown }>(res: T, status: number, what: string): T {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

export async function galileoFlow({ writer, reader }: Instances, tenant: Tenant, book: ReadBook): Promise<void> {
  const key = tenant.galileoKey;
  const name = `scorer-${randomUUID()}`;
  const tag = `tag-${randomUUID().slice(0, 8)}`;
  const created = written(
    await writer.http
      .post('/v2/scorers')
      .set(key)
      .send({ name, scorer_type: 'llm', tags: [tag] }),
    200,
    'create scorer',
  );
  const id = created.body.id as string;
  const one = await reader.http.get(`/v2/scorers/${id}`).set(key);
  book.check('galileo: get scorer after create', one, one.status === 200 && one.body.name === name);
  const listed = await reader.http
    .post('/v2/scorers/list')
    .set(key)
    .send({ filters: [{ name: 'id', operator: 'eq', value: id }] });
  book.check('galileo: list scorers after create', listed, listed.body.scorers?.length === 1);
  const tags = await reader.http.get('/v2/scorers/tags').set(key);
  book.check('galileo: tags after create', tags, Array.isArray(tags.body) && tags.body.includes(tag));

  const renamed = `${name}-renamed`;
  written(await writer.http.patch(`/v2/scorers/${id}`).set(key).send({ name: renamed }), 200, 'rename scorer');
  const afterRename = await reader.http.get(`/v2/scorers/${id}`).set(key);
  book.check('galileo: get scorer after update', afterRename, afterRename.body.name === renamed);

  for (let version = 1; version <= 2; version++) {
    written(await writer.http.post(`/v2/scorers/${id}/version/preset`).set(key).send({ num_judges: version }), 200, 'add version');
    const latest = await reader.http.get(`/v2/scorers/${id}/version`).set(key);
    book.check('galileo: latest version after create', latest, latest.body.version === version && latest.body.num_judges === version);
    const versions = await reader.http.get(`/v2/scorers/${id}/versions`).set(key);
    book.check('galileo: list versions after create', versions, versions.body.versions?.length === version);
  }

  const dataset = randomUUID();
  for (const score of [0.25, 0.75]) {
    written(
      await writer.http
        .post(`/v2/scorers/${id}/versions/2/health-scores`)
        .set(key)
        .send({ dataset_id: dataset, health_score_type: 'f1', score }),
      200,
      'write health score',
    );
    const health = await reader.http.get(`/v2/scorers/${id}/health-scores`).query({ dataset_id: dataset }).set(key);
    book.check('galileo: health scores after write', health, health.body.scores?.length === 1 && health.body.scores[0].score === score);
  }

  written(await writer.http.delete(`/v2/scorers/${id}`).set(key), 200, 'delete scorer');
  const gone = await reader.http.get(`/v2/scorers/${id}`).set(key);
  book.check('galileo: get scorer after delete', gone, gone.status === 404);
}

export async function respanFlow({ writer, reader }: Instances, tenant: Tenant, book: ReadBook): Promise<void> {
  const key = tenant.bearerKey;
  const slug = `ev_${randomUUID().slice(0, 8)}`;
  const evaluator = written(
    await writer.http
      .post('/api/evaluators/')
      .set(key)
      .send({ name: slug, type: 'llm', evaluator_slug: slug, score_value_type: 'numerical' }),
    201,
    'create evaluator',
  ).body as { id: string };
  const got = await reader.http.get(`/api/evaluators/${evaluator.id}/`).set(key);
  book.check('respan: get evaluator after create', got, got.status === 200 && got.body.evaluator_slug === slug);
  const evaluators = await reader.http.get('/api/evaluators/').query({ page_size: 100 }).set(key);
  book.check(
    'respan: list evaluators after create',
    evaluators,
    evaluators.body.results?.some((e: { id: string }) => e.id === evaluator.id) === true,
  );
  written(
    await writer.http
      .patch(`/api/evaluators/${evaluator.id}/`)
      .set(key)
      .send({ name: `${slug} v2` }),
    200,
    'update evaluator',
  );
  const updated = await reader.http.get(`/api/evaluators/${evaluator.id}/`).set(key);
  book.check('respan: get evaluator after update', updated, updated.body.name === `${slug} v2`);

  const logId = `log-${randomUUID()}`;
  const score = written(
    await writer.http.post('/api/scores/').set(key).send({ evaluator_id: evaluator.id, log_id: logId, numerical_value: 1 }),
    201,
    'create score',
  ).body as { id: string };
  const read = await reader.http.get(`/api/scores/${score.id}/`).set(key);
  book.check('respan: get score after create', read, read.status === 200 && read.body.numerical_value === 1);
  const counted = await reader.http.get('/api/scores/').query({ evaluator_id: evaluator.id }).set(key);
  book.check('respan: list scores after create', counted, counted.body.count === 1);
  const filtered = await reader.http
    .post('/api/scores/list/')
    .set(key)
    .send({ filters: { log_id: { operator: 'in', value: [logId] } } });
  book.check('respan: filter scores after create', filtered, filtered.body.count === 1);

  for (const value of [2, 3]) {
    written(await writer.http.patch(`/api/scores/${score.id}/`).set(key).send({ numerical_value: value }), 200, 'update score');
    const after = await reader.http.get(`/api/scores/${score.id}/`).set(key);
    book.check('respan: get score after update', after, after.body.numerical_value === value);
    const history = await reader.http.get(`/api/scores/${score.id}/history/`).set(key);
    book.check('respan: history after update', history, history.body.count === value);
  }

  const logScores = `/api/logs/${logId}/scores/`;
  const onLog = written(
    await writer.http.post(logScores).set(key).send({ evaluator_slug: 'note', string_value: 'first' }),
    201,
    'create log score',
  ).body as { id: string };
  const logList = await reader.http.get(logScores).set(key);
  book.check('respan: log scores after create', logList, logList.body.count === 2);
  written(
    await writer.http.put(`${logScores}${onLog.id}/`).set(key).send({ evaluator_slug: 'note', string_value: 'second' }),
    200,
    'replace log score',
  );
  const replaced = await reader.http.get(`${logScores}${onLog.id}/`).set(key);
  book.check('respan: log score after replace', replaced, replaced.body.string_value === 'second');

  written(await writer.http.delete(`/api/scores/${score.id}/`).set(key), 204, 'delete score');
  const deleted = await reader.http.get(`/api/scores/${score.id}/`).set(key);
  book.check('respan: get score after delete', deleted, deleted.status === 404);
  const recounted = await reader.http.get('/api/scores/').query({ evaluator_id: evaluator.id }).set(key);
  book.check('respan: list scores after delete', recounted, recounted.body.count === 0);
  written(await writer.http.delete(`${logScores}${onLog.id}/`).set(key), 204, 'delete log score');
  const logGone = await reader.http.get(logScores).set(key);
  book.check('respan: log scores after delete', logGone, logGone.body.count === 0);
}
