import { randomUUID } from 'node:crypto';
import type { Tenant } from '../support/tenants';
import type { Instances } from './dialect-flows';
import type { ReadBook } from './read-book';

function written<T extends { status: number; body: unknown }>(res: T, what: string): T {
  if (res.status !== 200) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

const CODE = 'def scorer_fn(step) -> float:\n    return 1.0\n';

/**
 * The routes Galileo's SDKs call beyond the scorer family, each write made through one instance and read
 * back at once through the other: projects, log streams, run scorer settings and a code version's source.
 */
export async function sdkFlow({ writer, reader }: Instances, tenant: Tenant, book: ReadBook): Promise<void> {
  const key = tenant.galileoKey;
  const name = `project-${randomUUID()}`;
  const project = written(await writer.http.post('/v2/projects').set(key).send({ name }), 'create project').body;
  const one = await reader.http.get(`/v2/projects/${project.id}`).set(key);
  book.check('galileo: get project after create', one, one.status === 200 && one.body.name === name);
  const found = await reader.http.get('/v2/projects').query({ project_name: name }).set(key);
  book.check('galileo: find project by name after create', found, found.body.length === 1);

  const stream = written(
    await writer.http.post(`/v2/projects/${project.id}/log_streams`).set(key).send({ name: 'stream' }),
    'log stream',
  ).body;
  const streams = await reader.http.get(`/v2/projects/${project.id}/log_streams`).set(key);
  book.check(
    'galileo: list log streams after create',
    streams,
    streams.body.some?.((s: { id: string }) => s.id === stream.id),
  );

  const scorer = written(
    await writer.http
      .post('/v2/scorers')
      .set(key)
      .send({ name: `code-${randomUUID()}`, scorer_type: 'code' }),
    'scorer',
  ).body;
  const settingsPath = `/v2/projects/${project.id}/runs/${stream.id}/scorer-settings`;
  written(
    await writer.http
      .post(settingsPath)
      .set(key)
      .send({ run_id: stream.id, scorers: [{ id: scorer.id, scorer_type: 'code' }] }),
    'scorer settings',
  );
  const settings = await reader.http.get(settingsPath).set(key);
  book.check('galileo: run scorer settings after write', settings, settings.body.scorers?.[0]?.id === scorer.id);

  const upload = await writer.http
    .post(`/v2/scorers/${scorer.id}/version/code`)
    .set(key)
    .attach('file', Buffer.from(CODE), 'scorer.py')
    .field('validation_result', '{}');
  written(upload, 'code version');
  const code = await reader.http.get(`/v2/scorers/${scorer.id}/version/code`).set(key);
  book.check('galileo: code version source after upload', code, code.body === CODE);
}
