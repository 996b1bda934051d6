import { parse } from 'csv-parse/sync';
import type { Tenant } from '../../support/tenants';
import type { TestApp } from '../../support/test-app';

export type Item = Record<string, unknown>;

/** `GET /api/scores/export/` with the query, its body as text whatever the media type. */
export function exportScores(t: TestApp, tenant: Tenant, query = '') {
  return t.http
    .get(`/api/scores/export/${query}`)
    .set(tenant.bearerKey)
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done(null, text));
    });
}

/** Every item of `GET /api/scores/` with the filters, oldest first, all pages concatenated. */
export async function listAll(t: TestApp, tenant: Tenant, filters = ''): Promise<Item[]> {
  const items: Item[] = [];
  for (let page = 1; ; page++) {
    const res = await t.http
      .get(`/api/scores/?sort_by=created_at&page_size=100&page=${page}${filters ? `&${filters}` : ''}`)
      .set(tenant.bearerKey);
    if (res.status !== 200) throw new Error(`list failed: ${res.status} ${JSON.stringify(res.body)}`);
    items.push(...(res.body.results as Item[]));
    if (!res.body.next) return items;
  }
}

export const parseNdjson = (text: string): Item[] =>
  text === ''
    ? []
    : text
        .replace(/\n$/, '')
        .split('\n')
        .map((line) => JSON.parse(line) as Item);

/** The records of a CSV export: the header row, then each row with an unquoted empty field read as null. */
export function parseCsv(text: string): { header: string[]; rows: (string | null)[][] } {
  const records = parse(text, {
    cast: (value, context) => (value === '' && !context.quoting ? null : value),
    relax_column_count: false,
  }) as (string | null)[][];
  const [header, ...rows] = records;
  return { header: header as string[], rows };
}

/** What a CSV field holds for a list item's value: text as it is, numbers and booleans as JSON, objects and lists as JSON text. */
export function csvFieldOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The columns the CSV export writes as JSON text. */
export const JSON_COLUMNS = ['categorical_value', 'inputs', 'evaluator'];

/** A list item as a CSV row should read back: JSON columns as values, the others as the field's text. */
export const asCsvItem = (header: string[], item: Item): Item =>
  Object.fromEntries(header.map((column) => [column, JSON_COLUMNS.includes(column) ? item[column] : csvFieldOf(item[column])]));

/** A CSV row read back: JSON columns parsed (key order cannot matter), the others as text. */
export const readBack = (header: string[], row: (string | null)[]): Item =>
  Object.fromEntries(
    header.map((column, index) => {
      const field = row[index];
      return [column, JSON_COLUMNS.includes(column) && field !== null ? JSON.parse(field) : field];
    }),
  );
