import { randomUUID } from 'node:crypto';
import { baseScorerVersionResponseFromJSON, registeredScorerTaskResultResponseFromJSON } from 'galileo-generated/models';
import { CodeValidationTasksRepository } from '../../../src/code-validation/code-validation-tasks.repository';
import { type Tenant, createTenant, withServices } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';

const CODE = 'def scorer_fn(step_object, **kwargs) -> float:\n    return 0.5\n';

describe('code scorers: stored and checked statically, never run (contract §8)', () => {
  let t: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    t = await startTestApp();
    tenant = await createTenant(t.app, 'code');
  });
  afterAll(() => t.close());

  const validate = (file: Buffer | string | null, fields: Record<string, string | string[]> = {}) => {
    let request = t.http.post('/scorers/code/validate').set(tenant.galileoKey);
    for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) request = request.field(name, item);
    if (file !== null) request = request.attach('file', Buffer.from(file), 'scorer.py');
    return request;
  };
  const outcome = async (taskId: string) => {
    const res = await t.http.get(`/v2/scorers/code/validate/${taskId}`).set(tenant.galileoKey);
    expect(res.status).toBe(200);
    expect(registeredScorerTaskResultResponseFromJSON(res.text).ok).toBe(true);
    expect(res.body.status).toBe('completed');
    return res.body.result.result;
  };

  it('reads scoreable_node_types and required_scorers as repeated parts, one JSON list, or "None"', async () => {
    for (const fields of [
      { scoreable_node_types: ['llm', 'tool'], required_scorers: 'None' },
      { scoreable_node_types: '["llm", "tool"]', required_scorers: '["correctness"]' },
    ]) {
      const task = await validate(CODE, fields);
      expect(task.status).toBe(200);
      expect(await outcome(task.body.task_id)).toEqual({
        result_type: 'valid',
        score_type: 'float',
        scoreable_node_types: ['llm', 'tool'],
        include_llm_credentials: false,
        chain_aggregation: null,
        test_scores: [],
      });
    }
    const none = await validate(CODE, { scoreable_node_types: 'None', test_input: 'hi', test_output: 'there' });
    expect((await outcome(none.body.task_id)).scoreable_node_types).toEqual([]);
  });

  it('completes with an invalid result that names the problem', async () => {
    const cases: [Buffer | string, string][] = [
      ['def score(x):\n    return 1\n', 'the file does not define a top-level function `scorer_fn`'],
      [Buffer.from([0xff, 0xfe, 0x00]), 'the file is not UTF-8 text'],
      [Buffer.alloc(1024 * 1024 + 10, 0x20), 'the file is larger than 1 MiB (1048576 bytes)'],
      ['def scorer_fn(x):\n    return (1\n', "the file is not valid Python: '(' opened on line 2 is never closed"],
    ];
    for (const [file, problem] of cases) {
      const task = await validate(file, { scoreable_node_types: 'llm' });
      expect(task.status).toBe(200);
      expect(await outcome(task.body.task_id)).toEqual({ result_type: 'invalid', error_message: `Invalid code scorer: ${problem}.` });
    }
  });

  it('refuses forms it cannot read, in FastAPI’s words', async () => {
    const noFile = await validate(null, { scoreable_node_types: 'llm' });
    expect(noFile.status).toBe(422);
    expect(noFile.body.detail).toEqual([{ type: 'missing', loc: ['body', 'file'], msg: 'Field required', input: null }]);
    const textFile = await t.http.post('/scorers/code/validate').set(tenant.galileoKey).field('file', CODE);
    expect(textFile.body.detail[0]).toMatchObject({ type: 'value_error', loc: ['body', 'file'] });
    const badType = await validate(CODE, { scoreable_node_types: ['llm', 'pixel'] });
    expect(badType.status).toBe(422);
    expect(badType.body.detail[0]).toMatchObject({ type: 'enum', loc: ['body', 'scoreable_node_types', 1] });
    const badJson = await validate(CODE, { scoreable_node_types: '["llm"' });
    expect(badJson.body.detail[0]).toMatchObject({ type: 'json_invalid', loc: ['body', 'scoreable_node_types'] });
    const json = await t.http.post('/scorers/code/validate').set(tenant.galileoKey).send({ file: CODE });
    expect(json.status).toBe(422);
    expect(json.body.detail[0]).toMatchObject({ type: 'missing', loc: ['body', 'file'] });
    const malformed = await t.http
      .post('/scorers/code/validate')
      .set({ ...tenant.galileoKey, 'content-type': 'multipart/form-data; boundary=xyz' })
      .send('--abc\r\nContent-Disposition: form-data; name="file"; filename="a.py"\r\n\r\nx\r\n--abc');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ detail: 'There was an error parsing the body' });
    const twoFiles = await validate(CODE).attach('other', Buffer.from(CODE), 'b.py');
    expect(twoFiles.status).toBe(413);
  });

  it('takes multipart bodies on its own routes only (elsewhere refused after authentication, in each dialect)', async () => {
    const galileo = await t.http.post('/scorers').set(tenant.galileoKey).field('name', 'x').field('scorer_type', 'llm');
    expect(galileo.status).toBe(422);
    expect(galileo.body.detail).toEqual([expect.objectContaining({ type: 'model_attributes_type', loc: ['body'] })]);
    const anonymous = await t.http.post('/scorers').field('name', 'x').field('scorer_type', 'llm');
    expect(anonymous.status).toBe(401);
    const respan = await t.http.post('/api/scores/').set(tenant.bearerKey).field('log_id', 'x');
    expect(respan.status).toBe(415);
    expect(respan.body).toEqual({ detail: expect.stringContaining('Unsupported media type') });
    const unknown = await t.http.post('/v2/no-such-route').set(tenant.galileoKey).field('x', 'y');
    expect(unknown.status).toBe(404);
  });

  it('finishes a task that another instance accepted and never checked, when it is read', async () => {
    const pending = await withServices(t.app, () =>
      t.app.get(CodeValidationTasksRepository).insert({
        organizationId: tenant.organizationId,
        createdBy: tenant.userId,
        code: CODE,
        problem: null,
        scoreableNodeTypes: ['trace'],
        requiredScorers: null,
      }),
    );
    expect(pending.status).toBe('pending');
    expect((await outcome(pending.id)).scoreable_node_types).toEqual(['trace']);
    const unknown = randomUUID();
    const missing = await t.http.get(`/scorers/code/validate/${unknown}`).set(tenant.galileoKey);
    expect({ status: missing.status, body: missing.body }).toEqual({ status: 404, body: { detail: `Task ${unknown} not found` } });
  });

  it('stores code versions and reads their source back exactly, as a JSON string', async () => {
    const scorer = (
      await t.http
        .post('/scorers')
        .set(tenant.galileoKey)
        .send({ name: `Code ${randomUUID()}`, scorer_type: 'code' })
    ).body;
    const upload = (file: string, validationResult?: string) => {
      let request = t.http
        .post(`/v2/scorers/${scorer.id}/version/code`)
        .set(tenant.galileoKey)
        .attach('file', Buffer.from(file), 'scorer.py');
      if (validationResult !== undefined) request = request.field('validation_result', validationResult);
      return request;
    };
    expect((await t.http.get(`/scorers/${scorer.id}/version/code`).set(tenant.galileoKey)).status).toBe(404);
    const first = await upload(CODE, '{"result": {"result_type": "valid"}}');
    expect(first.status).toBe(200);
    expect(baseScorerVersionResponseFromJSON(first.text).ok).toBe(true);
    expect(first.body).toMatchObject({ version: 1, scorer_id: scorer.id, generated_scorer: null, created_by: tenant.userId });

    // A leading BOM (Python's UTF-8 signature) is kept: the source reads back as uploaded.
    const second = `\ufeff${CODE}# second\n`;
    expect((await upload(second, '{}')).body.version).toBe(2);
    const read = (query = '') => t.http.get(`/public/v2/scorers/${scorer.id}/version/code${query}`).set(tenant.galileoKey);
    const latest = await read();
    expect(latest.headers['content-type']).toContain('application/json');
    expect(latest.body).toBe(second);
    expect((await read('?version=1')).body).toBe(CODE);

    const restored = await t.http.post(`/scorers/${scorer.id}/versions/1/restore`).set(tenant.galileoKey);
    expect(restored.body.version).toBe(3);
    expect((await read()).body).toBe(CODE);

    await t.http.post(`/scorers/${scorer.id}/version/llm`).set(tenant.galileoKey).send({ user_prompt: 'p' });
    const notCode = await read('?version=4');
    expect({ status: notCode.status, body: notCode.body }).toEqual({
      status: 404,
      body: { detail: `Version 4 of scorer ${scorer.id} is not a code version` },
    });

    const invalid = await upload('print("no scorer here")\n', '{}');
    expect(invalid.status).toBe(422);
    expect(invalid.body.detail[0]).toMatchObject({ type: 'value_error', loc: ['body', 'file'], msg: expect.stringContaining('scorer_fn') });
    const nul = await upload(CODE, '{"a": "\u0000"}');
    expect(nul.status).toBe(422);
    expect(nul.body.detail[0]).toMatchObject({ loc: ['body', 'validation_result'] });
    const noResult = await upload(CODE);
    expect(noResult.body.detail).toEqual([
      expect.objectContaining({ type: 'missing', loc: ['body', 'validation_result'], msg: 'Field required' }),
    ]);
    // Refused uploads made no version: version 4 is still the latest.
    expect((await t.http.get(`/scorers/${scorer.id}/version`).set(tenant.galileoKey)).body.version).toBe(4);
  });
});
