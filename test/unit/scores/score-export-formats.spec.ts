import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import type { Scorer } from '../../../src/scorers/entities/scorer.entity';
import { CSV_COLUMNS, EXPORT_ENCODINGS, csvField } from '../../../src/scores/export/score-export.formats';
import type { ScoreRowView } from '../../../src/scores/model/score.types';
import { toScoreResponse } from '../../../src/scores/score.mapper';

/** csv-stringify configured as the export's CSV is described: RFC 4180, CRLF, `""` for an empty string, JSON text for objects. */
const REFERENCE = {
  record_delimiter: 'windows',
  quote_record_delimiter: true,
  cast: {
    string: (value: string) => (value === '' ? { value, quoted_empty: true } : value),
    boolean: (value: boolean) => (value ? 'true' : 'false'),
    object: (value: object) => JSON.stringify(value),
  },
} as const;

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ', '=', '-', 'é', '\u2028') }),
  fc.constantFrom('', '""', '\r\n', 'a,b', '-1', '=SUM(A1)'),
);
const value = fc.oneof(
  text,
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, Number.NaN, Number.POSITIVE_INFINITY, 1e21, 1e-7),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 2 }),
  fc.array(text, { maxLength: 3 }),
);
const ROW_COLUMNS = CSV_COLUMNS.filter((column) => column !== 'evaluator');
const row = fc.record({
  ...Object.fromEntries(ROW_COLUMNS.map((column) => [column, value])),
  created_at: fc.date({ noInvalidDate: true }),
}) as fc.Arbitrary<Record<string, unknown>>;

const scorer = (name: string, extra: Partial<Scorer> = {}) =>
  ({
    id: '0e5f3f0a-3c1e-4b7e-9a55-5b2f0c1d2e3f',
    name,
    slug: 'quality',
    evaluatorType: 'llm',
    scoreValueType: 'numerical',
    scoreConfig: { min_score: 0, max_score: 10 },
    passingConditions: { primary_score: { operator: 'gte', value: 5 } },
    description: 'Says "good", or not',
    tags: ['a,b'],
    createdAt: new Date('2026-01-02T03:04:05.678Z'),
    updatedAt: new Date('2026-01-02T03:04:05.678Z'),
    ...extra,
  }) as unknown as Scorer;
/** Shared by the rows of their scores, as the export's views share them. */
const EVALUATORS = [null, scorer('Quality'), scorer('Ünïcode, "quoted"\r\n', { scoreConfig: null, tags: [] })];
const view = fc.record({ row, evaluator: fc.constantFrom(...EVALUATORS) }) as fc.Arbitrary<ScoreRowView>;
const page = fc.array(view, { minLength: 1, maxLength: 5 });

describe('the export formats', () => {
  it('write each score of a page as JSON.stringify writes its Score response, one per line', () => {
    fc.assert(
      fc.property(page, (views) => {
        expect(EXPORT_ENCODINGS.ndjson.rows(views)).toBe(views.map((item) => `${JSON.stringify(toScoreResponse(item))}\n`).join(''));
      }),
      { numRuns: 300 },
    );
  });

  it('write each score of a page as csv-stringify writes its Score response', () => {
    fc.assert(
      fc.property(page, (views) => {
        expect(EXPORT_ENCODINGS.csv.rows(views)).toBe(
          stringify(views.map(toScoreResponse), { ...REFERENCE, columns: CSV_COLUMNS as string[] }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('keeps null and the empty string apart and quotes what RFC 4180 quotes', () => {
    expect([null, '', 'plain', 'a,b', 'say "hi"', 'two\r\nlines', true, 2.5, ['x'], { q: 'a,"b"' }].map(csvField)).toEqual([
      '',
      '""',
      'plain',
      '"a,b"',
      '"say ""hi"""',
      '"two\r\nlines"',
      'true',
      '2.5',
      '"[""x""]"',
      '"{""q"":""a,\\""b\\""""}"',
    ]);
  });
});
