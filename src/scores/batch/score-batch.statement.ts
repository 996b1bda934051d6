import type { ScoreField, ScoreFieldKind } from '../model/score-field-table';

/**
 * The one statement that writes a batch: every new score and its create revision, from one JSON
 * document of rows (`jsonb_to_recordset`), set-based. A row whose (log, evaluator, scorer) is taken is
 * skipped (`on conflict do nothing`) and gets no revision; the statement returns the ids it inserted.
 * No runtime imports: the benchmark's raw baseline sends the very same text.
 */
const SQL_TYPES: Record<ScoreFieldKind, string> = {
  uuid: 'uuid',
  text: 'text',
  integer: 'integer',
  double: 'double precision',
  boolean: 'boolean',
  json: 'jsonb',
  timestamp: 'timestamptz',
};

/**
 * `fields` are the inserted ones (`fieldsSetBy('insert')`); the placeholders are the driver's (`?` or `$1`,
 * `$2`, `$3`). Every row is tied to the one organization of the batch, so a sharded PostgreSQL (Citus)
 * routes the statement to one shard.
 */
export function batchInsertStatement(
  fields: readonly ScoreField[],
  rowsPlaceholder = '?',
  actorPlaceholder = '?',
  organizationPlaceholder = '?',
): string {
  const columns = fields.map((field) => field.column).join(', ');
  const typed = fields.map((field) => `${field.column} ${SQL_TYPES[field.kind]}`).join(', ');
  return (
    `with input as (select * from jsonb_to_recordset(${rowsPlaceholder}::jsonb) as r(${typed}, revision_id uuid, revision_values jsonb) where r.organization_id = ${organizationPlaceholder}), ` +
    `written as (insert into scores (${columns}) select ${columns} from input where organization_id = ${organizationPlaceholder} ` +
    'on conflict do nothing returning organization_id, id) ' +
    'insert into score_revisions (organization_id, id, score_id, revision, operation, values, actor, at) ' +
    `select w.organization_id, i.revision_id, w.id, i.revision, 'create', i.revision_values, ${actorPlaceholder}, i.updated_at ` +
    `from written w join input i on i.organization_id = w.organization_id and i.id = w.id where w.organization_id = ${organizationPlaceholder} ` +
    'returning score_id'
  );
}

/**
 * The rows document of `batchInsertStatement`: each row's inserted fields by column (timestamps as ISO
 * text, JSON columns as JSON), its revision's id and snapshot. `key` says how `rows` are keyed.
 */
export function batchRowsDocument(
  fields: readonly ScoreField[],
  rows: readonly object[],
  key: 'property' | 'column',
  revision: (row: object) => { id: string; values: Record<string, unknown> },
): string {
  // The rows of a batch share their creation time: each Date's text is made once.
  const isoTexts = new Map<Date, string>();
  const isoText = (date: Date): string => {
    let text = isoTexts.get(date);
    if (text === undefined) isoTexts.set(date, (text = date.toISOString()));
    return text;
  };
  return JSON.stringify(
    rows.map((row) => {
      const document: Record<string, unknown> = {};
      for (const field of fields) {
        const value = (row as Record<string, unknown>)[field[key]];
        document[field.column] = value instanceof Date ? isoText(value) : (value ?? null);
      }
      const { id, values } = revision(row);
      document.revision_id = id;
      document.revision_values = values;
      return document;
    }),
  );
}
