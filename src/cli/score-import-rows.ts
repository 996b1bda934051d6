import { type ReadStream, createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';

/** One row of an import file: its line, and the create body it holds or why it holds none. */
export type ImportRow = { line: number; item: unknown } | { line: number; problem: string };

/** The file formats an import reads, by extension. */
export const IMPORT_FORMATS: Record<string, 'ndjson' | 'csv'> = { '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.csv': 'csv' };

export const importFormatOf = (path: string): 'ndjson' | 'csv' | undefined => IMPORT_FORMATS[extname(path).toLowerCase()];

/** CSV columns holding JSON text (as the export writes them), and the numeric and boolean ones. */
const JSON_COLUMNS = new Set(['categorical_value', 'inputs']);
const NUMBER_COLUMNS = new Set(['numerical_value', 'cost', 'prompt_version_number']);
const BOOLEAN_COLUMNS = new Set(['boolean_value']);
// eslint-disable-next-line security/detect-unsafe-regex -- anchored, no nested quantifier: linear
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * A CSV cell as the create body's value: empty is absent, JSON columns parsed, numbers and booleans
 * read; a cell that does not read as its type is sent as the text it is (the validation names it).
 */
function cellValue(column: string, cell: string): unknown {
  if (cell === '') return undefined;
  if (JSON_COLUMNS.has(column)) {
    try {
      return JSON.parse(cell) as unknown;
    } catch {
      return cell;
    }
  }
  if (NUMBER_COLUMNS.has(column) && NUMBER.test(cell.trim())) return Number(cell);
  if (BOOLEAN_COLUMNS.has(column) && (cell === 'true' || cell === 'false')) return cell === 'true';
  return cell;
}

async function* ndjsonRows(input: ReadStream): AsyncGenerator<ImportRow> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    try {
      yield { line, item: JSON.parse(text) as unknown };
    } catch (error) {
      yield { line, problem: `JSON parse error - ${(error as Error).message}` };
    }
  }
}

async function* csvRows(input: ReadStream): AsyncGenerator<ImportRow> {
  const records = input.pipe(parse({ columns: true, info: true, bom: true, skip_empty_lines: true, relax_column_count: true }));
  for await (const { record, info } of records as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    const item: Record<string, unknown> = {};
    for (const [column, cell] of Object.entries(record)) {
      const value = cellValue(column, cell);
      if (value !== undefined) item[column] = value;
    }
    yield { line: info.lines, item };
  }
}

/** The rows of an NDJSON (one create body per line) or CSV file (columns as the export's), streamed; how far the file was read. */
export function importRows(path: string): { rows: AsyncGenerator<ImportRow>; bytesRead: () => number } {
  // eslint-disable-next-line security/detect-non-literal-fs-filename -- the file the person running the CLI named
  const input = createReadStream(path);
  return { rows: importFormatOf(path) === 'csv' ? csvRows(input) : ndjsonRows(input), bytesRead: () => input.bytesRead };
}
