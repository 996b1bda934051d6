import { stringify } from 'csv-stringify/sync';
import type { Scorer } from '../../scorers/entities/scorer.entity';
import { RESPONSE_FIELDS, responseJson } from '../model/score-field-table';
import type { ScoreRowView } from '../model/score.types';
import { evaluatorResponse } from '../score.mapper';
import type { ExportFormat } from './dto/score-export.dto';

/**
 * How one format writes an export: its media type, file name, what precedes the rows, and a page of
 * scores as text, each the Score response (`toScoreResponse`) of its row and evaluator.
 */
export interface ExportEncoding {
  contentType: string;
  fileName: string;
  header: string;
  rows(views: readonly ScoreRowView[]): string;
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

/**
 * The text of each evaluator's object in each format, made once per evaluator (its response object is
 * itself made once, `evaluatorResponse`): written on every row of its scores, it was most of the work.
 */
const evaluatorTexts = new WeakMap<Scorer, { json: string; csv: string }>();

function evaluatorText(evaluator: Scorer | null): { json: string; csv: string } {
  if (!evaluator) return { json: 'null', csv: '' };
  let text = evaluatorTexts.get(evaluator);
  if (!text) {
    const response = evaluatorResponse(evaluator);
    evaluatorTexts.set(evaluator, (text = { json: JSON.stringify(response), csv: csvField(response) }));
  }
  return text;
}

/** The columns of a row's own fields: every CSV column but the evaluator, the last. */
const ROW_COLUMNS = CSV_COLUMNS.slice(0, -1);

/** A score's JSON: its fields' object, the evaluator's text spliced in as the last key (as `JSON.stringify(toScoreResponse(view))`). */
function scoreJson({ row, evaluator }: ScoreRowView): string {
  const fields = JSON.stringify(responseJson(row, 'column'));
  return `${fields.length > 2 ? `${fields.slice(0, -1)},` : '{'}"evaluator":${evaluatorText(evaluator).json}}`;
}

/** A score's CSV record, CRLF-terminated. */
function scoreCsv({ row, evaluator }: ScoreRowView): string {
  const response = responseJson(row, 'column');
  let record = '';
  for (const column of ROW_COLUMNS) record += `${csvField(response[column])},`;
  return `${record}${evaluatorText(evaluator).csv}\r\n`;
}

const NDJSON: ExportEncoding = {
  contentType: 'application/x-ndjson; charset=utf-8',
  fileName: 'scores.ndjson',
  header: '',
  rows: (views) => views.map((view) => `${scoreJson(view)}\n`).join(''),
};

const CSV: ExportEncoding = {
  contentType: 'text/csv; charset=utf-8; header=present',
  fileName: 'scores.csv',
  header: stringify([CSV_COLUMNS as string[]], { record_delimiter: 'windows' }),
  rows: (views) => views.map(scoreCsv).join(''),
};

export const EXPORT_ENCODINGS: Record<ExportFormat, ExportEncoding> = { ndjson: NDJSON, csv: CSV };
