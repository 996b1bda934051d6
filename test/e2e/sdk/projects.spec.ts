import { randomUUID } from 'node:crypto';
import {
  listLogStreamResponseFromJSON,
  logStreamResponseFromJSON,
  projectCreateResponseFromJSON,
  projectDBFromJSON,
} from 'galileo-generated/models';
import { type Tenant, createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

/** The JavaScript SDK's generated client (galileo-generated, zod) parses the answer: `ok` or its error. */
const zod = (parse: (json: string) => { ok: boolean; error?: unknown }, text: string) => {
  const result = parse(text);
  return result.ok ? 'ok' : String(result.error);
};

describe('projects and log streams (contract §8)', () => {
  let t: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'projects');
  });
  afterAll(() => t.close());

  const post = (path: string, body: object) => t.http.post(path).set(tenant.galileoKey).send(body);
  const get = (path: string) => t.http.get(path).set(tenant.galileoKey);

  it('finds projects by name and type: a list, empty when none matches (never a 404), at every prefix', async () => {
    for (const prefix of ['', '/v2', '/public/v2']) {
      const none = await get(`${prefix}/projects?project_name=nothing-${randomUUID()}&type=gen_ai`);
      expect({ status: none.status, body: none.body }).toEqual({ status: 200, body: [] });
    }
    const name = `Assistant ${randomUUID().slice(0, 6)}`;
    const created = await post('/projects', { name, create_example_templates: false, created_by: null });
    expect(created.status).toBe(200);
    expect(zod(projectCreateResponseFromJSON, created.text)).toBe('ok');
    expect(created.body).toMatchObject({ name, type: 'gen_ai', created_by: tenant.userId });

    const found = await get(`/projects?project_name=${encodeURIComponent(name)}&type=gen_ai`);
    expect(found.body).toHaveLength(1);
    expect(zod(projectDBFromJSON, JSON.stringify(found.body[0]))).toBe('ok');
    expect(found.body[0]).toMatchObject({
      id: created.body.id,
      name,
      type: 'gen_ai',
      created_by_user: { id: tenant.userId, email: tenant.email },
      runs: [],
      permissions: [],
      bookmark: false,
    });
    expect((await get(`/projects?project_name=${encodeURIComponent(name)}&type=llm_monitor`)).body).toEqual([]);
    const one = await get(`/projects/${created.body.id}`);
    expect(one.body).toEqual(found.body[0]);
  });

  it('keeps names unique per organization and type (409 when taken)', async () => {
    const name = `Unique ${randomUUID().slice(0, 6)}`;
    expect((await post('/v2/projects', { name })).status).toBe(200);
    const again = await post('/v2/projects', { name });
    expect({ status: again.status, body: again.body }).toEqual({
      status: 409,
      body: { detail: `A project named ${JSON.stringify(name)} of type gen_ai already exists` },
    });
    expect((await post('/v2/projects', { name, type: 'llm_monitor' })).status).toBe(200);
    const other = await createTenant(t.app, 'projects-other');
    expect((await t.http.post('/v2/projects').set(other.galileoKey).send({ name })).status).toBe(200);
  });

  it('refuses invalid input in FastAPI’s words', async () => {
    const empty = await post('/projects', { name: '' });
    expect(empty.status).toBe(422);
    expect(empty.body.detail[0]).toMatchObject({ type: 'string_too_short', loc: ['body', 'name'] });
    const type = await post('/projects', { name: 'x', type: 'chat' });
    expect(type.body.detail[0]).toMatchObject({ type: 'enum', loc: ['body', 'type'] });
    const id = await get('/projects/not-a-uuid');
    expect(id.status).toBe(422);
    expect(id.body.detail[0]).toMatchObject({ type: 'uuid_parsing', loc: ['path', 'project_id'] });
    const missing = await get(`/projects/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toMatch(/^Project [0-9a-f-]+ not found$/);
  });

  it('creates log streams with names unique per project, lists them oldest first, and pages them', async () => {
    const project = (await post('/projects', { name: `Streams ${randomUUID().slice(0, 6)}` })).body;
    const names = ['alpha', 'beta', 'gamma'];
    for (const name of names) {
      const created = await post(`/projects/${project.id}/log_streams`, { name });
      expect(created.status).toBe(200);
      expect(zod(logStreamResponseFromJSON, created.text)).toBe('ok');
      expect(created.body).toMatchObject({
        name,
        project_id: project.id,
        created_by: tenant.userId,
        num_spans: null,
        has_user_created_sessions: false,
      });
    }
    const taken = await post(`/v2/projects/${project.id}/log_streams`, { name: 'beta' });
    expect(taken.status).toBe(409);
    const listed = await get(`/public/v2/projects/${project.id}/log_streams?include_counts=true`);
    expect(listed.body.map((stream: { name: string }) => stream.name)).toEqual(names);

    const first = await get(`/projects/${project.id}/log_streams/paginated?limit=2`);
    expect(zod(listLogStreamResponseFromJSON, first.text)).toBe('ok');
    expect(first.body).toMatchObject({ starting_token: 0, limit: 2, paginated: true, next_starting_token: 2 });
    expect(first.body.log_streams.map((stream: { name: string }) => stream.name)).toEqual(['alpha', 'beta']);
    const last = await get(`/projects/${project.id}/log_streams/paginated?limit=2&starting_token=2`);
    expect(last.body).toMatchObject({ next_starting_token: null, log_streams: [{ name: 'gamma' }] });

    const elsewhere = (await post('/projects', { name: `Elsewhere ${randomUUID().slice(0, 6)}` })).body;
    expect((await post(`/projects/${elsewhere.id}/log_streams`, { name: 'alpha' })).status).toBe(200);
    expect((await post(`/projects/${randomUUID()}/log_streams`, { name: 'alpha' })).status).toBe(404);
  });

  it('answers the signed-in user as CurrentUserDB, whatever the mechanism', async () => {
    const jwt = (await t.http.post('/login/api_key').send({ api_key: tenant.apiKey })).body.access_token;
    for (const headers of [tenant.galileoKey, tenant.bearerKey, tenant.basic, { Authorization: `Bearer ${jwt}` }]) {
      for (const path of ['/current_user', '/v2/current_user', '/public/v2/current_user']) {
        const res = await t.http.get(path).set(headers);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          id: tenant.userId,
          permissions: [],
          email: tenant.email,
          first_name: '',
          last_name: '',
          auth_method: 'email',
          role: 'admin',
          email_is_verified: null,
          organization_id: tenant.organizationId,
          organization_name: 'projects organization',
          created_at: expect.any(String),
          updated_at: expect.any(String),
          generic_permissions: [],
        });
      }
    }
    expect((await t.http.get('/current_user')).status).toBe(401);
  });
});
