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

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/**
 * One CSV field, RFC 4180: quoted when it holds a comma, a quote or a line break (quotes doubled). A
 * null is an empty field and an empty string a quoted empty field (`""`), so the two stay apart;
 * booleans are `true`/`false`, numbers JavaScript's text of them; objects and lists (`categorical_value`,
 * `inputs`, `evaluator`) are their JSON text. No byte-order mark and no formula escaping: every value
 * reads back exactly. The text csv-stringify writes with the options of that description (a unit test
 * holds the two equal), without its per-field option handling, which cost more than the rest of an export.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text: string | undefined;
  if (typeof value === 'string') {
    if (value === '') return '""';
    text = value;
  } else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else if (typeof value === 'number' || typeof value === 'bigint') text = String(value);
  else if (value instanceof Date) text = String(value.getTime());
  else text = JSON.stringify(value) as string | undefined;
  if (text === undefined || text === '') return '';
  return NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTE, '""')}"` : text;
}

/** A record of `columns` of `row`, CRLF-terminated. */
const csvRecord = (row: Record<string, unknown>, columns: readonly string[]): string => {
  let record = '';
  for (let index = 0; index < columns.length; index++) record += (index ? ',' : '') + csvField(row[columns[index]]);
  return `${record}\r\n`;
};

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
  rows: (responses) => responses.map((response) => csvRecord(response as unknown as Record<string, unknown>, CSV_COLUMNS)).join(''),
};

export const EXPORT_ENCODINGS: Record<ExportFormat, ExportEncoding> = { ndjson: NDJSON, csv: CSV };
