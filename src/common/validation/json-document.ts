import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isPlainObject } from '../is-plain-object';

export type Path = (string | number)[];

/** Bounds on every free-form JSON value, so that checking and storing one costs a predictable amount. */
export const JSON_DOCUMENT_LIMITS = { depth: 32, entries: 10_000, values: 100_000 } as const;

/** The shapes a JSON document field can take: any value, an object, a list, a list of objects, a map of numbers. */
export type DocumentShape = 'any' | 'object' | 'list' | 'objects' | 'numberMap';

/** One problem of a document, in pydantic's vocabulary, located relative to the document. */
export interface DocumentProblem {
  at: Path;
  type: string;
  msg: string;
  drfMsg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

/** Text PostgreSQL stores and gives back unchanged: no NUL character, no unpaired surrogate. */
export const isStorableText = (text: string): boolean => !text.includes('\u0000') && text.isWellFormed();

export const UNSTORABLE_TEXT = {
  type: 'string_unicode',
  msg: 'Input should be a valid string, unable to parse raw data as a unicode string',
  drfMsg: 'Null characters and unpaired surrogates are not allowed.',
} as const;

export const jsonTypeName = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'list'
      : typeof value === 'object'
        ? 'dict'
        : typeof value === 'string'
          ? 'str'
          : typeof value === 'boolean'
            ? 'bool'
            : typeof value === 'number' && Number.isInteger(value)
              ? 'int'
              : typeof value === 'number'
                ? 'float'
                : typeof value;

/** Depth and total size concern the whole document (reported at it); a list or object too long is reported at itself. */
const limitProblem = (message: string, input: unknown, at: Path = []): DocumentProblem => ({
  at,
  type: 'value_error',
  msg: `Value error, ${message}`,
  drfMsg: message,
  input,
});

interface Container {
  value: object;
  key: string | number;
  parent: number;
  depth: number;
}

function pathOf(containers: Container[], index: number): Path {
  const path: Path = [];
  for (let at = index; at > 0; at = containers[at].parent) path.push(containers[at].key);
  return path.reverse();
}

/** What is wrong with a string or number of a document (`at` to be filled in), or `undefined`. */
function leafProblem(value: unknown): Omit<DocumentProblem, 'at'> | undefined {
  if (typeof value === 'string' && !isStorableText(value)) return { ...UNSTORABLE_TEXT, input: value };
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return { type: 'finite_number', msg: 'Input should be a finite number', drfMsg: 'Numbers must be finite.', input: value };
  }
  return undefined;
}

/**
 * The first value of `document` PostgreSQL could not store exactly or that exceeds the limits: a key
 * or string with NUL or an unpaired surrogate, a number that is not finite, nesting deeper than
 * `depth`, a list or object of more than `entries` entries, more than `values` values in all.
 * Iterative, and allocating only for lists and objects: a hostile document exhausts neither stack nor time.
 */
export function documentValueProblem(document: unknown, limits = JSON_DOCUMENT_LIMITS): DocumentProblem | undefined {
  if (typeof document !== 'object' || document === null) {
    const problem = leafProblem(document);
    return problem && { ...problem, at: [] };
  }
  const containers: Container[] = [{ value: document, key: '', parent: -1, depth: 1 }];
  const pending = [0];
  let values = 1;
  while (pending.length > 0) {
    const index = pending.pop()!;
    const { value, depth } = containers[index];
    if (depth > limits.depth) return limitProblem(`JSON nested deeper than ${limits.depth} levels is not supported.`, null);
    const keys = Array.isArray(value) ? undefined : Object.keys(value);
    const size = keys ? keys.length : (value as unknown[]).length;
    if (size > limits.entries) {
      return limitProblem(`JSON lists and objects are limited to ${limits.entries} entries.`, null, pathOf(containers, index));
    }
    values += size;
    if (values > limits.values) return limitProblem(`JSON documents are limited to ${limits.values} values.`, null);
    for (let entry = 0; entry < size; entry++) {
      const key = keys ? keys[entry] : entry;
      if (typeof key === 'string' && !isStorableText(key))
        return { at: [...pathOf(containers, index), key, '[key]'], ...UNSTORABLE_TEXT, input: key };
      const item = (value as Record<string | number, unknown>)[key];
      if (typeof item === 'object' && item !== null) {
        containers.push({ value: item, key, parent: index, depth: depth + 1 });
        pending.push(containers.length - 1);
      } else {
        const problem = leafProblem(item);
        if (problem) return { ...problem, at: [...pathOf(containers, index), key] };
      }
    }
  }
  return undefined;
}

const dictProblem = (at: Path, value: unknown): DocumentProblem => ({
  at,
  type: 'dict_type',
  msg: 'Input should be a valid dictionary',
  drfMsg: `Expected a dictionary of items but got type "${jsonTypeName(value)}".`,
  input: value,
});

function numberMapProblem(map: Record<string, unknown>): DocumentProblem | undefined {
  for (const [key, entry] of Object.entries(map)) {
    if (entry === null || (typeof entry === 'number' && Number.isFinite(entry))) continue;
    const drfMsg = 'A valid number is required.';
    if (typeof entry === 'number')
      return { at: [key], type: 'finite_number', msg: 'Input should be a finite number', drfMsg, input: entry };
    if (typeof entry === 'string') {
      return {
        at: [key],
        type: 'float_parsing',
        msg: 'Input should be a valid number, unable to parse string as a number',
        drfMsg,
        input: entry,
      };
    }
    return { at: [key], type: 'float_type', msg: 'Input should be a valid number', drfMsg, input: entry };
  }
  return undefined;
}

/** What is wrong with a document of the given shape, or `undefined`. */
export function documentProblem(value: unknown, shape: DocumentShape): DocumentProblem | undefined {
  if (shape === 'objects' || shape === 'list') {
    if (!Array.isArray(value)) {
      return {
        at: [],
        type: 'list_type',
        msg: 'Input should be a valid list',
        drfMsg: `Expected a list of items but got type "${jsonTypeName(value)}".`,
        input: value,
      };
    }
    const index = shape === 'objects' ? value.findIndex((item) => !isPlainObject(item)) : -1;
    if (index >= 0) return dictProblem([index], value[index]);
  } else if (shape !== 'any' && !isPlainObject(value)) {
    return dictProblem([], value);
  }
  return documentValueProblem(value) ?? (shape === 'numberMap' ? numberMapProblem(value as Record<string, unknown>) : undefined);
}

export const IS_JSON_DOCUMENT = 'isJsonDocument';
export const IS_STORABLE_TEXT = 'isStorableText';

/** A JSON document of `shape` that PostgreSQL stores exactly, within JSON_DOCUMENT_LIMITS. */
export const IsJsonDocument = (shape: DocumentShape, options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: IS_JSON_DOCUMENT,
      constraints: [shape],
      validator: {
        validate: (value: unknown) => value !== undefined && documentProblem(value, shape) === undefined,
        defaultMessage: () => '$property must be a JSON document PostgreSQL can store exactly',
      },
    },
    options,
  );

/** A string without NUL characters or unpaired surrogates (other values are left to the type checks). */
export const IsStorableText = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: IS_STORABLE_TEXT,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || isStorableText(value),
        defaultMessage: () => '$property must not contain NUL characters or unpaired surrogates',
      },
    },
    options,
  );
