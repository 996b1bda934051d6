import { isPlainObject } from '../is-plain-object';
import { timestampToIso } from './datetime-text';
import { canonicalUuid } from './uuid-text';

/**
 * How a DTO class reads its input: `pydantic` bodies and parameters in pydantic 2's lax mode (as
 * FastAPI validates them), `drf` query and path parameters from their text (as DRF fields parse
 * strings), `strict` JSON bodies as sent (Respan's routes refuse "3" for a number).
 */
export interface InputDialect {
  lax: 'pydantic' | 'drf' | 'strict';
  /** Query or path parameters: a single value where a list is declared is a list of one. */
  parameters: boolean;
}

export type ValueKind = 'string' | 'int' | 'float' | 'bool' | 'uuid' | 'datetime' | 'enum' | 'json' | 'numberMap';

const DIALECTS = new WeakMap<Function, InputDialect>();

export function declareDialect(target: Function, dialect: InputDialect): void {
  DIALECTS.set(target, dialect);
}

/** The dialect of `target` or of its nearest declared ancestor. */
export function dialectOf(target: Function): InputDialect | undefined {
  for (
    let current: unknown = target;
    typeof current === 'function' && current !== Function.prototype;
    current = Object.getPrototypeOf(current)
  ) {
    const dialect = DIALECTS.get(current as Function);
    if (dialect) return dialect;
  }
  return undefined;
}

/** pydantic's `str_as_int` and Python's `int()`: digits with a sign, `_` separators and a `.0` tail. */
// eslint-disable-next-line security/detect-unsafe-regex -- anchored, no nested quantifier over the same characters
const INTEGER_TEXT = /^[+-]?\d+(?:_\d+)*(?:\.0+)?$/;
/** Rust's and Python's float syntax (inf and nan handled apart). */
// eslint-disable-next-line security/detect-unsafe-regex -- anchored, linear
const FLOAT_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE = /^([+-]?)(inf|infinity|nan)$/i;
/** A Unix timestamp written as text: speedate reads it as a date-time. */
// eslint-disable-next-line security/detect-unsafe-regex -- anchored, linear
const TIMESTAMP_TEXT = /^-?\d+(?:\.\d+)?$/;

export function integerFromText(text: string): number | undefined {
  const trimmed = text.trim();
  return INTEGER_TEXT.test(trimmed) ? Number(trimmed.replace(/_/g, '').replace(/\.0+$/, '')) : undefined;
}

export function floatFromText(text: string): number | undefined {
  const trimmed = text.trim();
  const special = NON_FINITE.exec(trimmed);
  if (special) return special[2].toLowerCase() === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity;
  const plain = /^_|_$|__/.test(trimmed) ? trimmed : trimmed.replace(/(?<=\d)_(?=\d)/g, '');
  return FLOAT_TEXT.test(plain) ? Number(plain) : undefined;
}

const PYDANTIC_BOOLEANS: Record<string, boolean> = {
  '0': false,
  f: false,
  n: false,
  no: false,
  off: false,
  false: false,
  '1': true,
  t: true,
  y: true,
  on: true,
  yes: true,
  true: true,
};
const DRF_TRUE = new Set(['t', 'T', 'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON', '1']);
const DRF_FALSE = new Set(['f', 'F', 'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF', '0']);

function pydanticValue(kind: ValueKind, value: unknown): unknown {
  switch (kind) {
    case 'int':
      if (typeof value === 'boolean') return value ? 1 : 0;
      return typeof value === 'string' ? (integerFromText(value) ?? value) : value;
    case 'float':
      if (typeof value === 'boolean') return value ? 1 : 0;
      return typeof value === 'string' ? (floatFromText(value) ?? value) : value;
    case 'bool':
      if (typeof value === 'string')
        return Object.hasOwn(PYDANTIC_BOOLEANS, value.toLowerCase()) ? PYDANTIC_BOOLEANS[value.toLowerCase()] : value;
      return value === 0 || value === 1 ? value === 1 : value;
    case 'numberMap':
      return isPlainObject(value) && Object.values(value).some((entry) => typeof entry === 'string' || typeof entry === 'boolean')
        ? Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, pydanticValue('float', entry)]))
        : value;
    case 'datetime':
      if (typeof value === 'number') return timestampToIso(value) ?? value;
      return typeof value === 'string' && TIMESTAMP_TEXT.test(value) ? (timestampToIso(Number(value)) ?? value) : value;
    default:
      return value;
  }
}

function drfValue(kind: ValueKind, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  switch (kind) {
    case 'int':
      return integerFromText(value) ?? value;
    case 'float':
      return floatFromText(value) ?? value;
    case 'bool':
      return DRF_TRUE.has(value) ? true : DRF_FALSE.has(value) ? false : value;
    default:
      return value;
  }
}

function oneValue(kind: ValueKind, dialect: InputDialect | undefined, value: unknown): unknown {
  if (kind === 'uuid') return typeof value === 'string' ? (canonicalUuid(value) ?? value) : value;
  if (dialect?.lax === 'pydantic') return pydanticValue(kind, value);
  if (dialect?.lax === 'drf') return drfValue(kind, value);
  return value;
}

/** The value a DTO property receives: the input as sent, read by its dialect's lax rules. */
export function laxValue(kind: ValueKind, each: boolean, dialect: InputDialect | undefined, value: unknown): unknown {
  if (!each) return oneValue(kind, dialect, value);
  const list = dialect?.parameters && typeof value === 'string' ? [value] : value;
  return Array.isArray(list) ? list.map((item) => oneValue(kind, dialect, item)) : list;
}
