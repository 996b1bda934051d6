import type { Score } from '../entities/score.entity';

/**
 * The one declaration of a score's stored fields. The SQL column lists of inserts and updates, the
 * revision snapshot, the response mapper, the values a request body sets and the benchmark's raw
 * baseline all derive from it. No runtime imports, so the baseline (plain Node) loads it as it is.
 *
 * - `column` is the SQL column and, for the fields a client sees, the JSON name (they are the same).
 * - `kind` says how a value travels: `json` columns take JSON text, `timestamp`s are ISO text in JSON.
 * - `setBy` is the narrowest write that sets the field. The request schemas nest (PATCH's
 *   `UpdateScoreRequest` ⊂ PUT's `ReplaceScoreRequest` ⊂ `CreateScoreRequest`), so a write sets the
 *   fields of its own schema and those of the narrower ones: `update` fields are set by every write,
 *   `replace` fields by PUT and the creates, `create` fields by the creates (the log-scoped upsert
 *   included), `insert` fields only when the row is inserted.
 * - `source` is where the value comes from: the request `body` (with `fallback` when it is not sent),
 *   the resolved `evaluator`, or the `server` (identity, `is_passed`, revision and times).
 * - `shown`: in the `response` body, in the `revision` snapshot of history.
 */
export type ScoreFieldKind = 'uuid' | 'text' | 'integer' | 'double' | 'boolean' | 'json' | 'timestamp';
export type ScoreWrite = 'update' | 'replace' | 'create' | 'insert';
export type ScoreFieldSource = 'body' | 'evaluator' | 'server';

/** A stored property of a score (the entity's keys but its primary-key marker). */
export type ScoreProperty = Exclude<keyof Score, symbol>;

export interface ScoreField {
  property: ScoreProperty;
  column: string;
  kind: ScoreFieldKind;
  setBy: ScoreWrite;
  source: ScoreFieldSource;
  fallback?: null | string | Record<string, never>;
  shown: readonly ('response' | 'revision')[];
}

const BOTH = ['response', 'revision'] as const;

/** In the order of the Score response (seeds 001/002); the response adds the `evaluator` object. */
export const SCORE_FIELDS = [
  { property: 'organizationId', column: 'organization_id', kind: 'uuid', setBy: 'insert', source: 'server', shown: [] },
  { property: 'id', column: 'id', kind: 'uuid', setBy: 'insert', source: 'server', shown: ['response'] },
  { property: 'createdAt', column: 'created_at', kind: 'timestamp', setBy: 'insert', source: 'server', shown: ['response'] },
  { property: 'type', column: 'type', kind: 'text', setBy: 'replace', source: 'evaluator', shown: BOTH },
  { property: 'environment', column: 'environment', kind: 'text', setBy: 'replace', source: 'body', fallback: 'production', shown: BOTH },
  { property: 'numericalValue', column: 'numerical_value', kind: 'double', setBy: 'update', source: 'body', fallback: null, shown: BOTH },
  { property: 'stringValue', column: 'string_value', kind: 'text', setBy: 'update', source: 'body', fallback: null, shown: BOTH },
  { property: 'booleanValue', column: 'boolean_value', kind: 'boolean', setBy: 'update', source: 'body', fallback: null, shown: BOTH },
  { property: 'categoricalValue', column: 'categorical_value', kind: 'json', setBy: 'update', source: 'body', fallback: null, shown: BOTH },
  { property: 'jsonValue', column: 'json_value', kind: 'text', setBy: 'update', source: 'body', fallback: null, shown: BOTH },
  { property: 'isPassed', column: 'is_passed', kind: 'boolean', setBy: 'update', source: 'server', shown: BOTH },
  { property: 'cost', column: 'cost', kind: 'double', setBy: 'create', source: 'body', fallback: null, shown: BOTH },
  { property: 'evaluatorId', column: 'evaluator_id', kind: 'uuid', setBy: 'replace', source: 'evaluator', shown: BOTH },
  { property: 'evaluatorSlug', column: 'evaluator_slug', kind: 'text', setBy: 'replace', source: 'evaluator', shown: BOTH },
  { property: 'evaluatorName', column: 'evaluator_name', kind: 'text', setBy: 'replace', source: 'evaluator', shown: BOTH },
  { property: 'scorer', column: 'scorer', kind: 'text', setBy: 'replace', source: 'body', fallback: null, shown: BOTH },
  { property: 'logId', column: 'log_id', kind: 'text', setBy: 'replace', source: 'body', fallback: null, shown: BOTH },
  { property: 'promptId', column: 'prompt_id', kind: 'text', setBy: 'replace', source: 'body', fallback: null, shown: BOTH },
  {
    property: 'promptVersionNumber',
    column: 'prompt_version_number',
    kind: 'integer',
    setBy: 'replace',
    source: 'body',
    fallback: null,
    shown: BOTH,
  },
  { property: 'datasetId', column: 'dataset_id', kind: 'text', setBy: 'replace', source: 'body', fallback: null, shown: BOTH },
  { property: 'automationId', column: 'automation_id', kind: 'text', setBy: 'replace', source: 'body', fallback: null, shown: BOTH },
  { property: 'status', column: 'status', kind: 'text', setBy: 'create', source: 'body', fallback: null, shown: BOTH },
  { property: 'errorMessage', column: 'error_message', kind: 'text', setBy: 'create', source: 'body', fallback: null, shown: BOTH },
  { property: 'inputs', column: 'inputs', kind: 'json', setBy: 'create', source: 'body', fallback: {}, shown: BOTH },
  { property: 'timestamp', column: 'timestamp', kind: 'timestamp', setBy: 'replace', source: 'body', fallback: null, shown: ['revision'] },
  { property: 'revision', column: 'revision', kind: 'integer', setBy: 'update', source: 'server', shown: [] },
  { property: 'updatedAt', column: 'updated_at', kind: 'timestamp', setBy: 'update', source: 'server', shown: [] },
] as const satisfies readonly ScoreField[];

export type ScoreFieldOf<W extends ScoreWrite> = Extract<(typeof SCORE_FIELDS)[number], { setBy: W }>;

/** The writes that set a field of each `setBy`, narrowest first. */
const WRITES: readonly ScoreWrite[] = ['update', 'replace', 'create', 'insert'];

/** The fields a write sets: those of its own schema and of every narrower one. */
export function fieldsSetBy(write: ScoreWrite): readonly ScoreField[] {
  const widest = WRITES.indexOf(write);
  return SCORE_FIELDS.filter((field) => WRITES.indexOf(field.setBy) <= widest);
}

/** A stored value as a query parameter: JSON columns take their JSON text. */
export const columnParameter = (field: ScoreField, value: unknown): unknown =>
  field.kind === 'json' && value !== null && value !== undefined ? JSON.stringify(value) : value;

export const RESPONSE_FIELDS: readonly ScoreField[] = SCORE_FIELDS.filter((field) =>
  (field.shown as readonly string[]).includes('response'),
);
export const REVISION_FIELDS: readonly ScoreField[] = SCORE_FIELDS.filter((field) =>
  (field.shown as readonly string[]).includes('revision'),
);

type RowKey = 'property' | 'column';
type JsonBuilder = (row: object) => Record<string, unknown>;

/**
 * Compiles, once, a function returning the JSON of `fields` of a row keyed by `key` (entities by
 * property, raw driver rows by column) as one object literal: built and serialized several times
 * faster than an object filled field by field in a loop, which a page of 50 scores would pay per
 * request. The code is made from the constant table above, never from input.
 */
function compileJsonBuilder(fields: readonly ScoreField[], key: RowKey): JsonBuilder {
  const entries = fields.map((field) => {
    const read = `row[${JSON.stringify(field[key])}]`;
    const value = field.kind === 'timestamp' ? `(${read} instanceof Date ? ${read}.toISOString() : ${read})` : read;
    return `${JSON.stringify(field.column)}: ${value}`;
  });
  return new Function('row', `return { ${entries.join(', ')} };`) as JsonBuilder;
}

const BUILDERS = {
  response: { property: compileJsonBuilder(RESPONSE_FIELDS, 'property'), column: compileJsonBuilder(RESPONSE_FIELDS, 'column') },
  revision: { property: compileJsonBuilder(REVISION_FIELDS, 'property'), column: compileJsonBuilder(REVISION_FIELDS, 'column') },
};

/** The fields of the Score response (all but the `evaluator` object). */
export const responseJson = (row: object, key: RowKey = 'property'): Record<string, unknown> => BUILDERS.response[key](row);

/** What a revision records: every stored field but the identity and the bookkeeping. */
export const revisionSnapshot = (row: object, key: RowKey = 'property'): Record<string, unknown> => BUILDERS.revision[key](row);
