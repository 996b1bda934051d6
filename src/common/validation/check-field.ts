import type { FieldSpec } from './field-spec';

/** What is wrong with one value, in pydantic's vocabulary; `at` extends the field's location. */
export interface FieldProblem {
  type: string;
  msg: string;
  ctx?: Record<string, unknown>;
  drfMsg?: string;
  at?: (string | number)[];
}

export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;
const UUID_PATTERN = /^(?:urn:uuid:)?[0-9a-f]{8}-?[0-9a-f]{4}-?([0-9a-f])[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
// eslint-disable-next-line security/detect-unsafe-regex -- anchored, each group optional once: linear time
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

const jsonTypeName = (value: unknown): string =>
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
            : typeof value === 'number'
              ? Number.isInteger(value)
                ? 'int'
                : 'float'
              : typeof value;

function literalList(values: readonly (string | number)[]): string {
  const quoted = values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v)));
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** Strings PostgreSQL can store and give back unchanged: no NUL, no lone surrogate. */
export function checkText(value: string): FieldProblem | undefined {
  if (value.includes('\u0000') || !value.isWellFormed()) {
    return {
      type: 'string_unicode',
      msg: 'Input should be a valid string, unable to parse raw data as a unicode string',
      drfMsg: 'Null characters and unpaired surrogates are not allowed.',
    };
  }
  return undefined;
}

function checkString(spec: FieldSpec, value: unknown): FieldProblem | undefined {
  if (typeof value !== 'string') return { type: 'string_type', msg: 'Input should be a valid string', drfMsg: 'Not a valid string.' };
  const text = checkText(value);
  if (text) return text;
  if (spec.minLength !== undefined && value.length < spec.minLength) {
    return {
      type: 'string_too_short',
      msg: `String should have at least ${spec.minLength} character${spec.minLength === 1 ? '' : 's'}`,
      ctx: { min_length: spec.minLength },
      drfMsg: spec.minLength === 1 ? 'This field may not be blank.' : `Ensure this field has at least ${spec.minLength} characters.`,
    };
  }
  // eslint-disable-next-line security/detect-non-literal-regexp -- patterns are declared on DTO fields, not sent by clients
  if (spec.pattern !== undefined && !new RegExp(spec.pattern, 'u').test(value)) {
    return {
      type: 'string_pattern_mismatch',
      msg: `String should match pattern '${spec.pattern}'`,
      ctx: { pattern: spec.pattern },
      drfMsg: 'This value does not match the required pattern.',
    };
  }
  if (spec.maxLength !== undefined && value.length > spec.maxLength) {
    return {
      type: 'string_too_long',
      msg: `String should have at most ${spec.maxLength} characters`,
      ctx: { max_length: spec.maxLength },
      drfMsg: `Ensure this field has no more than ${spec.maxLength} characters.`,
    };
  }
  return undefined;
}

function checkBounds(spec: FieldSpec, value: number, min: number | undefined, max: number | undefined): FieldProblem | undefined {
  if (min !== undefined && value < min) {
    return {
      type: 'greater_than_equal',
      msg: `Input should be greater than or equal to ${min}`,
      ctx: { ge: min },
      drfMsg: `Ensure this value is greater than or equal to ${min}.`,
    };
  }
  if (max !== undefined && value > max) {
    return {
      type: 'less_than_equal',
      msg: `Input should be less than or equal to ${max}`,
      ctx: { le: max },
      drfMsg: `Ensure this value is less than or equal to ${max}.`,
    };
  }
  return undefined;
}

function checkInt(spec: FieldSpec, value: unknown): FieldProblem | undefined {
  if (typeof value === 'string') {
    return {
      type: 'int_parsing',
      msg: 'Input should be a valid integer, unable to parse string as an integer',
      drfMsg: 'A valid integer is required.',
    };
  }
  if (typeof value !== 'number')
    return { type: 'int_type', msg: 'Input should be a valid integer', drfMsg: 'A valid integer is required.' };
  if (!Number.isFinite(value))
    return { type: 'finite_number', msg: 'Input should be a finite number', drfMsg: 'A valid integer is required.' };
  if (!Number.isInteger(value)) {
    return {
      type: 'int_from_float',
      msg: 'Input should be a valid integer, got a number with a fractional part',
      drfMsg: 'A valid integer is required.',
    };
  }
  return checkBounds(spec, value, spec.min ?? INT32_MIN, spec.max ?? INT32_MAX);
}

function checkNumber(spec: FieldSpec, value: unknown): FieldProblem | undefined {
  if (typeof value === 'string' && spec.coerce) {
    return {
      type: 'float_parsing',
      msg: 'Input should be a valid number, unable to parse string as a number',
      drfMsg: 'A valid number is required.',
    };
  }
  if (typeof value !== 'number')
    return { type: 'float_type', msg: 'Input should be a valid number', drfMsg: 'A valid number is required.' };
  if (!Number.isFinite(value))
    return { type: 'finite_number', msg: 'Input should be a finite number', drfMsg: 'A valid number is required.' };
  return checkBounds(spec, value, spec.min, spec.max);
}

function checkBoolean(spec: FieldSpec, value: unknown): FieldProblem | undefined {
  if (typeof value === 'boolean') return undefined;
  if (typeof value === 'string' && spec.coerce) {
    return { type: 'bool_parsing', msg: 'Input should be a valid boolean, unable to interpret input', drfMsg: 'Must be a valid boolean.' };
  }
  return { type: 'bool_type', msg: 'Input should be a valid boolean', drfMsg: 'Must be a valid boolean.' };
}

function checkUuid(spec: FieldSpec, value: unknown): FieldProblem | undefined {
  if (typeof value !== 'string') {
    return { type: 'uuid_type', msg: 'UUID input should be a string, bytes or UUID object', drfMsg: 'Must be a valid UUID.' };
  }
  const match = UUID_PATTERN.exec(value);
  if (!match) {
    return {
      type: 'uuid_parsing',
      msg: `Input should be a valid UUID, ${/[^0-9a-f-]/i.test(value.replace(/^urn:uuid:/i, '')) ? 'invalid character' : 'invalid length'}`,
      drfMsg: 'Must be a valid UUID.',
    };
  }
  if (spec.kind === 'uuid4' && match[1] !== '4') {
    return {
      type: 'uuid_version',
      msg: 'UUID version 4 expected',
      ctx: { expected_version: 4 },
      drfMsg: 'Must be a valid UUID version 4.',
    };
  }
  return undefined;
}

/** 0001-01-01T00:00:00Z: Python's datetime (pydantic, DRF) and PostgreSQL have no year 0. */
const FIRST_INSTANT = -62135596800000;

function checkDateTime(value: unknown): FieldProblem | undefined {
  const problem: FieldProblem = {
    type: typeof value === 'string' ? 'datetime_from_date_parsing' : 'datetime_type',
    msg:
      typeof value === 'string'
        ? 'Input should be a valid datetime or date, invalid character in year'
        : 'Input should be a valid datetime',
    drfMsg: 'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].',
  };
  if (typeof value !== 'string' || !ISO_DATETIME.test(value)) return problem;
  const time = Date.parse(value.replace(' ', 'T'));
  return Number.isNaN(time) || time < FIRST_INSTANT || time > 8.64e15 ? problem : undefined;
}

function checkEnum(spec: FieldSpec, value: unknown): FieldProblem | undefined {
  const values = spec.values ?? [];
  if (values.includes(value as string | number)) return undefined;
  return {
    type: 'enum',
    msg: `Input should be ${literalList(values)}`,
    ctx: { expected: literalList(values) },
    drfMsg: `"${typeof value === 'string' ? value : JSON.stringify(value)}" is not a valid choice.`,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const dictProblem = (value: unknown): FieldProblem => ({
  type: 'dict_type',
  msg: 'Input should be a valid dictionary',
  drfMsg: `Expected a dictionary of items but got type "${jsonTypeName(value)}".`,
});

function checkNumberMap(value: unknown): FieldProblem | undefined {
  if (!isPlainObject(value)) return dictProblem(value);
  for (const [key, entry] of Object.entries(value)) {
    const keyProblem = checkText(key);
    if (keyProblem) return { ...keyProblem, at: [key, '[key]'] };
    if (entry === null) continue;
    if (typeof entry !== 'number')
      return { type: 'float_type', msg: 'Input should be a valid number', drfMsg: 'A valid number is required.', at: [key] };
    if (!Number.isFinite(entry))
      return { type: 'finite_number', msg: 'Input should be a finite number', drfMsg: 'A valid number is required.', at: [key] };
  }
  return undefined;
}

function checkList(spec: FieldSpec, value: unknown): FieldProblem | undefined {
  if (!Array.isArray(value)) {
    return {
      type: 'list_type',
      msg: 'Input should be a valid list',
      drfMsg: `Expected a list of items but got type "${jsonTypeName(value)}".`,
    };
  }
  if (spec.maxLength !== undefined && value.length > spec.maxLength) {
    return {
      type: 'too_long',
      msg: `List should have at most ${spec.maxLength} items after validation, not ${value.length}`,
      ctx: { max_length: spec.maxLength, actual_length: value.length },
      drfMsg: `Ensure this field has no more than ${spec.maxLength} elements.`,
    };
  }
  if (spec.items && (!spec.items.type || spec.items.kind === 'union')) {
    for (let index = 0; index < value.length; index++) {
      const problem = checkField(spec.items, value[index]);
      if (problem) return { ...problem, at: [index, ...(problem.at ?? [])] };
    }
  }
  return undefined;
}

/** Checks one present value against its spec; `undefined` means valid. */
export function checkValue(spec: FieldSpec, value: unknown): FieldProblem | undefined {
  switch (spec.kind) {
    case 'string':
      return checkString(spec, value);
    case 'int':
      return checkInt(spec, value);
    case 'number':
      return checkNumber(spec, value);
    case 'boolean':
      return checkBoolean(spec, value);
    case 'uuid':
    case 'uuid4':
      return checkUuid(spec, value);
    case 'datetime':
      return checkDateTime(value);
    case 'enum':
      return checkEnum(spec, value);
    case 'numberMap':
      return checkNumberMap(value);
    case 'object':
      return isPlainObject(value) ? undefined : dictProblem(value);
    case 'nested':
      return isPlainObject(value)
        ? undefined
        : {
            type: 'model_attributes_type',
            msg: 'Input should be a valid dictionary or object to extract fields from',
            drfMsg: `Invalid data. Expected a dictionary, but got ${jsonTypeName(value)}.`,
          };
    case 'list':
      return checkList(spec, value);
    case 'union':
      return checkUnion(spec, value);
    case 'anyOf':
      return (spec.alternatives ?? []).some((alternative) => checkValue(alternative, value) === undefined)
        ? undefined
        : checkValue(spec.alternatives![0], value);
    case 'any':
      return undefined;
  }
}

function checkUnion(spec: FieldSpec, value: unknown): FieldProblem | undefined {
  if (!isPlainObject(value)) {
    return {
      type: 'model_attributes_type',
      msg: 'Input should be a valid dictionary or object to extract fields from',
      drfMsg: `Invalid data. Expected a dictionary, but got ${jsonTypeName(value)}.`,
    };
  }
  const { property, variants } = spec.union!;
  const tag = value[property];
  const expected = Object.keys(variants)
    .map((name) => `'${name}'`)
    .join(', ');
  if (tag === undefined) {
    return {
      type: 'union_tag_not_found',
      msg: `Unable to extract tag using discriminator '${property}'`,
      ctx: { discriminator: `'${property}'` },
      drfMsg: `"${property}" is required; expected one of ${expected}.`,
    };
  }
  if (typeof tag !== 'string' || !(tag in variants)) {
    return {
      type: 'union_tag_invalid',
      msg: `Input tag '${String(tag)}' found using '${property}' does not match any of the expected tags: ${expected}`,
      ctx: { discriminator: `'${property}'`, tag: String(tag), expected_tags: expected },
      drfMsg: `"${String(tag)}" is not a valid ${property}; expected one of ${expected}.`,
    };
  }
  return undefined;
}

/** Checks presence (`undefined` is absent) and nullability, then the value. */
export function checkField(spec: FieldSpec, value: unknown): FieldProblem | undefined {
  if (value === undefined) {
    return spec.required ? { type: 'missing', msg: 'Field required', drfMsg: 'This field is required.' } : undefined;
  }
  if (value === null) {
    if (spec.nullable) return undefined;
    const problem = checkValue(spec, value) ?? { type: 'none_forbidden', msg: 'Input should not be None' };
    return { ...problem, drfMsg: 'This field may not be null.' };
  }
  return checkValue(spec, value);
}
