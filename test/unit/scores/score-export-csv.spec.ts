import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import type { ScoreResponse } from '../../../src/scores/dto/score.dto';
import { CSV_COLUMNS, EXPORT_ENCODINGS, csvField } from '../../../src/scores/export/score-export.formats';

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
const response = fc.record(Object.fromEntries(CSV_COLUMNS.map((column) => [column, value]))) as fc.Arbitrary<Record<string, unknown>>;

describe('the CSV export', () => {
  it('writes a page of rows as csv-stringify writes them', () => {
    fc.assert(
      fc.property(fc.array(response, { minLength: 1, maxLength: 5 }), (rows) => {
        expect(EXPORT_ENCODINGS.csv.rows(rows as unknown as ScoreResponse[])).toBe(
          stringify(rows, { ...REFERENCE, columns: CSV_COLUMNS as string[] }),
        );
      }),
      { numRuns: 500 },
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
