import { stringify } from 'csv-stringify/sync';
import type { ScoreResponse } from '../dto/score.dto';
import { RESPONSE_FIELDS } from '../model/score-field-table';
import type { ExportFormat } from './dto/score-export.dto';

/** How one format writes an export: its media type, file name, what precedes the rows, and a page of rows as text. */
export interface ExportEncoding {
  contentType: string;
  fileName: string;
  header: string;
  rows(responses: readonly ScoreResponse[]): string;
}

/** The CSV columns: the Score response's fields in its order, the evaluator object last. */
export const CSV_COLUMNS: readonly string[] = [...RESPONSE_FIELDS.map((field) => field.column), 'evaluator'];

/**
 * RFC 4180: CRLF between records, a field quoted when it holds a comma, a quote or a line break (quotes
 * doubled). A null is an empty field and an empty string a quoted empty field (`""`), so the two stay
 * apart; booleans are `true`/`false`; objects and lists (`categorical_value`, `inputs`, `evaluator`) are
 * their JSON text. No byte-order mark and no formula escaping: every value reads back exactly.
 */
const CSV_OPTIONS = {
  record_delimiter: 'windows',
  quote_record_delimiter: true,
  cast: {
    string: (value: string) => (value === '' ? { value, quoted_empty: true } : value),
    boolean: (value: boolean) => (value ? 'true' : 'false'),
    object: (value: object) => JSON.stringify(value),
  },
} as const;

const NDJSON: ExportEncoding = {
  contentType: 'application/x-ndjson; charset=utf-8',
  fileName: 'scores.ndjson',
  header: '',
  rows: (responses) => responses.map((response) => `${JSON.stringify(response)}\n`).join(''),
};

const CSV: ExportEncoding = {
  contentType: 'text/csv; charset=utf-8; header=present',
  fileName: 'scores.csv',
  header: stringify([CSV_COLUMNS as string[]], { record_delimiter: 'windows' }),
  rows: (responses) => stringify(responses as unknown as Record<string, unknown>[], { ...CSV_OPTIONS, columns: CSV_COLUMNS as string[] }),
};

export const EXPORT_ENCODINGS: Record<ExportFormat, ExportEncoding> = { ndjson: NDJSON, csv: CSV };
