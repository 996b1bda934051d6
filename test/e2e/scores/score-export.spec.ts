import { postScore } from '../../support/scores';
import { createTenant } from '../../support/tenants';
import { type TestApp, startTestApp } from '../../support/test-app';
import { type ListFixture, seedListScores } from './score-list-fixture';
import { type Item, asCsvItem, exportScores, listAll, parseCsv, parseNdjson, readBack } from './score-export-support';

/** Values a CSV writer or reader gets wrong: quotes, separators, line breaks of every kind, unicode, a leading BOM. */
const HOSTILE = [
  'say "hi", then leave',
  'line one\nline two',
  'windows\r\nline',
  'lone\rreturn',
  '"',
  ',',
  ' padded ',
  '\uFEFFleading BOM',
  'ünïcödé — 日本語 — 🧪 — مرحبا',
  '=1+2',
  '',
];

/** Nested JSON with hostile keys, `__proto__` among them (an own key, as JSON.parse makes it). */
const inputsOf = (text: string): Item =>
  JSON.parse(
    `{"__proto__": ${JSON.stringify({ kept: text })}, ${JSON.stringify(text || 'empty')}: ${JSON.stringify({ nested: { 'key "q"': [text, 1, null, true] } })}}`,
  ) as Item;

/** `GET /api/scores/export/`: the list's items, every page, oldest first, as NDJSON or CSV (contract §9). */
describe('score export', () => {
  let t: TestApp;
  let fixture: ListFixture;
  let hostile: Item[];

  beforeAll(async () => {
    t = await startTestApp();
    fixture = await seedListScores(t);
    hostile = [];
    for (const [index, text] of HOSTILE.entries()) {
      const res = await postScore(t, fixture.tenant, {
        evaluator_slug: 'hostile_text',
        string_value: text,
        json_value: JSON.stringify({ text }),
        categorical_value: [text, 'b,c'],
        dataset_id: `hostile ${index}`,
        environment: 'hostile',
        inputs: inputsOf(text),
      });
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
      hostile.push(res.body);
    }
  });
  afterAll(() => t.close());

  it.each([
    '',
    'evaluator_slug=tone_check',
    'environment=production&scorer=bob',
    'is_passed=false',
    'numerical_value__gte=3&numerical_value__lte=7',
    'environment=hostile',
    'log_id=none-such',
  ])('NDJSON equals the list (every page, created_at order) for ?%s', async (filters) => {
    const res = await exportScores(t, fixture.tenant, `?format=ndjson${filters ? `&${filters}` : ''}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="scores.ndjson"');
    const expected = await listAll(t, fixture.tenant, filters);
    expect(parseNdjson(res.body as string)).toEqual(expected);
    if (filters === '') expect(expected).toHaveLength(fixture.scores.length + HOSTILE.length);
  });

  it('orders by created_at then id, and NDJSON is the default format', async () => {
    const res = await exportScores(t, fixture.tenant);
    const items = parseNdjson(res.body as string);
    const keys = items.map((item) => `${item.created_at as string} ${item.id as string}`);
    expect(keys).toEqual([...keys].sort());
    expect(items.map((item) => item.id)).toEqual([...fixture.scores, ...hostile].map((item) => item.id));
  });

  it.each(['', 'evaluator_slug=accuracy', 'environment=hostile', 'start_time=2000-01-01T00:00:00Z&is_passed=true'])(
    'CSV reads back (csv-parse) as the list items for ?%s, field by field',
    async (filters) => {
      const res = await exportScores(t, fixture.tenant, `?format=csv${filters ? `&${filters}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
      expect(res.headers['content-disposition']).toBe('attachment; filename="scores.csv"');
      const { header, rows } = parseCsv(res.body as string);
      const expected = await listAll(t, fixture.tenant, filters);
      expect(header).toEqual([...Object.keys(expected[0] ?? hostile[0])]);
      expect(rows.map((row) => readBack(header, row))).toEqual(expected.map((item) => asCsvItem(header, item)));
    },
  );

  it('keeps hostile text exact in CSV: quoted per RFC 4180, CRLF between records, null apart from ""', async () => {
    const text = (await exportScores(t, fixture.tenant, '?format=csv&environment=hostile')).body as string;
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text).toContain('"say ""hi"", then leave"');
    expect(text).toContain('"lone\rreturn"');
    const { header, rows } = parseCsv(text);
    const column = (name: string) => rows.map((row) => row[header.indexOf(name)]);
    expect(column('string_value')).toEqual(HOSTILE);
    expect(column('scorer')).toEqual(HOSTILE.map(() => null));
    expect(column('is_passed')).toEqual(HOSTILE.map(() => 'false'));
    expect(rows.map((row) => JSON.parse(row[header.indexOf('inputs')]!))).toEqual(hostile.map((item) => item.inputs));
    expect(Object.getOwnPropertyDescriptor(hostile[0].inputs, '__proto__')?.value).toEqual({ kept: HOSTILE[0] });
  });

  it('exports nothing but the header (CSV) or nothing at all (NDJSON) when nothing matches', async () => {
    const empty = await createTenant(t.app, 'export-empty');
    expect((await exportScores(t, empty, '?format=ndjson')).body).toBe('');
    const csv = (await exportScores(t, empty, '?format=csv')).body as string;
    expect(parseCsv(csv)).toEqual({ header: expect.arrayContaining(['id', 'created_at', 'inputs', 'evaluator']), rows: [] });
  });

  it("shows only the caller's organization", async () => {
    const items = parseNdjson((await exportScores(t, fixture.other)).body as string);
    expect(items).toHaveLength(1);
    expect(items.map((item) => item.id)).not.toContain(fixture.scores[0].id);
  });

  it('answers what is wrong before the first byte as DRF errors: format, filters, unknown parameters, credentials', async () => {
    const cases: [string, unknown][] = [
      ['?format=xml', { format: ['"xml" is not a valid choice.'] }],
      ['?evaluator_id=nope', { evaluator_id: ['Must be a valid UUID.'] }],
      ['?is_passed=maybe', { is_passed: ['Must be a valid boolean.'] }],
      ['?start_time=yesterday', { start_time: [expect.any(String)] }],
      ['?page=2&sort_by=-created_at', { page: ['Unknown query parameter.'], sort_by: ['Unknown query parameter.'] }],
    ];
    for (const [query, errors] of cases) {
      const res = await t.http.get(`/api/scores/export/${query}`).set(fixture.tenant.bearerKey);
      expect({ query, status: res.status, type: res.headers['content-type'], body: res.body }).toEqual({
        query,
        status: 400,
        type: expect.stringMatching(/^application\/json/),
        body: errors,
      });
    }
    const anonymous = await t.http.get('/api/scores/export/');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ detail: expect.any(String) });
  });
});
