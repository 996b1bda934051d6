import { dateParsingReason } from './datetime-text';
import { type DocumentShape, type Path, UNSTORABLE_TEXT, documentProblem, isStorableText, jsonTypeName } from './json-document';
import { type UnionSpec, unionProblem } from './tagged-union';
import { canonicalUuid, uuidParsingReason } from './uuid-text';

/** One failed check, as FastAPI (pydantic `type`, `msg`, `ctx`) and DRF (`drfMsg`) word it; `at` extends the location. */
export interface Finding {
  type: string;
  msg: string;
  drfMsg: string;
  ctx?: Record<string, unknown>;
  at?: Path;
  /** The offending value, when it is not the property's own (inside a document). */
  input?: { value: unknown };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

const quoted = (values: readonly unknown[]): string => {
  const parts = values.map((value) => (typeof value === 'string' ? `'${value}'` : String(value)));
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
};

const finding = (type: string, msg: string, drfMsg: string, ctx?: Record<string, unknown>): Finding => ({
  type,
  msg,
  drfMsg,
  ...(ctx ? { ctx } : {}),
});

const INVALID_INTEGER = 'A valid integer is required.';
const INVALID_NUMBER = 'A valid number is required.';
const MODEL_TYPE = (value: unknown) =>
  finding(
    'model_attributes_type',
    'Input should be a valid dictionary or object to extract fields from',
    `Invalid data. Expected a dictionary, but got ${jsonTypeName(value)}.`,
  );

function integerFinding(value: unknown): Finding {
  if (typeof value === 'string')
    return finding('int_parsing', 'Input should be a valid integer, unable to parse string as an integer', INVALID_INTEGER);
  if (typeof value === 'number' && !Number.isFinite(value))
    return finding('finite_number', 'Input should be a finite number', INVALID_INTEGER);
  if (typeof value === 'number')
    return finding('int_from_float', 'Input should be a valid integer, got a number with a fractional part', INVALID_INTEGER);
  return finding('int_type', 'Input should be a valid integer', INVALID_INTEGER);
}

function numberFinding(value: unknown): Finding {
  if (typeof value === 'string')
    return finding('float_parsing', 'Input should be a valid number, unable to parse string as a number', INVALID_NUMBER);
  if (typeof value === 'number') return finding('finite_number', 'Input should be a finite number', INVALID_NUMBER);
  return finding('float_type', 'Input should be a valid number', INVALID_NUMBER);
}

function booleanFinding(value: unknown): Finding {
  const parsing = typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value));
  return parsing
    ? finding('bool_parsing', 'Input should be a valid boolean, unable to interpret input', 'Must be a valid boolean.')
    : finding('bool_type', 'Input should be a valid boolean', 'Must be a valid boolean.');
}

function uuidFinding(value: unknown, version: unknown): Finding {
  const drfMsg = 'Must be a valid UUID.';
  if (typeof value !== 'string') return finding('uuid_type', 'UUID input should be a string, bytes or UUID object', drfMsg);
  if (!canonicalUuid(value)) return finding('uuid_parsing', `Input should be a valid UUID, ${uuidParsingReason(value)}`, drfMsg);
  return finding('uuid_version', `UUID version ${String(version)} expected`, `Must be a valid UUID version ${String(version)}.`, {
    expected_version: Number(version),
  });
}

function dateTimeFinding(value: unknown): Finding {
  const drfMsg = 'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].';
  return typeof value === 'string'
    ? finding('datetime_from_date_parsing', `Input should be a valid datetime or date, ${dateParsingReason(value)}`, drfMsg)
    : finding('datetime_type', 'Input should be a valid datetime', drfMsg);
}

function unionFinding(value: unknown, union: UnionSpec): Finding {
  const expected = Object.keys(union.variants)
    .map((tag) => `'${tag}'`)
    .join(', ');
  const problem = unionProblem(value, union);
  if (problem === 'tag_missing') {
    return finding(
      'union_tag_not_found',
      `Unable to extract tag using discriminator '${union.property}'`,
      `"${union.property}" is required; expected one of ${expected}.`,
      {
        discriminator: `'${union.property}'`,
      },
    );
  }
  if (problem === 'tag_invalid') {
    const tag = String((value as Record<string, unknown>)[union.property]);
    return finding(
      'union_tag_invalid',
      `Input tag '${tag}' found using '${union.property}' does not match any of the expected tags: ${expected}`,
      `"${tag}" is not a valid ${union.property}; expected one of ${expected}.`,
      { discriminator: `'${union.property}'`, tag, expected_tags: expected },
    );
  }
  return MODEL_TYPE(value);
}

/** pydantic's errors for `str | list[str]`: one per member of the union, located by the member's name. */
function textOrListFindings(value: unknown): Finding[] {
  const textFinding = (item: unknown): Finding =>
    typeof item === 'string' ? { ...UNSTORABLE_TEXT } : finding('string_type', 'Input should be a valid string', 'Not a valid string.');
  if (!Array.isArray(value)) {
    const list = finding('list_type', 'Input should be a valid list', `Expected a list of items but got type "${jsonTypeName(value)}".`);
    return [
      { ...textFinding(value), at: ['str'] },
      { ...list, at: ['list[str]'] },
    ];
  }
  const index = value.findIndex((item) => typeof item !== 'string' || !isStorableText(item));
  return [
    { ...textFinding(value), at: ['str'] },
    { ...textFinding(value[index]), at: ['list[str]', index], input: { value: value[index] } },
  ];
}

/** What a failed class-validator constraint means for `value`, given the constraint's arguments. */
export function findingsFor(constraint: string, value: unknown, args: readonly unknown[]): Finding[] {
  if (value === undefined) return [finding('missing', 'Field required', 'This field is required.')];
  const [limit] = args as number[];
  switch (constraint) {
    case 'isString':
      return [finding('string_type', 'Input should be a valid string', 'Not a valid string.')];
    case 'isStorableText':
      return [{ ...UNSTORABLE_TEXT }];
    case 'minLength':
      return [
        finding(
          'string_too_short',
          `String should have at least ${plural(limit, 'character')}`,
          limit === 1 ? 'This field may not be blank.' : `Ensure this field has at least ${limit} characters.`,
          { min_length: limit },
        ),
      ];
    case 'maxLength':
      return [
        finding(
          'string_too_long',
          `String should have at most ${plural(limit, 'character')}`,
          `Ensure this field has no more than ${limit} characters.`,
          { max_length: limit },
        ),
      ];
    case 'matches': {
      const pattern = args[0] instanceof RegExp ? args[0].source : String(args[0]);
      return [
        finding('string_pattern_mismatch', `String should match pattern '${pattern}'`, 'This value does not match the required pattern.', {
          pattern,
        }),
      ];
    }
    case 'isInt':
      return [integerFinding(value)];
    case 'isNumber':
      return [numberFinding(value)];
    case 'min':
      return [
        finding(
          'greater_than_equal',
          `Input should be greater than or equal to ${limit}`,
          `Ensure this value is greater than or equal to ${limit}.`,
          { ge: limit },
        ),
      ];
    case 'max':
      return [
        finding(
          'less_than_equal',
          `Input should be less than or equal to ${limit}`,
          `Ensure this value is less than or equal to ${limit}.`,
          { le: limit },
        ),
      ];
    case 'isBoolean':
      return [booleanFinding(value)];
    case 'isUuid':
      return [uuidFinding(value, args[0])];
    case 'isIso8601':
    case 'isDateTimeSyntax':
      return [dateTimeFinding(value)];
    case 'isEnum':
    case 'isIn': {
      const expected = quoted(constraint === 'isEnum' ? Object.values(args[0] as object) : (args[0] as unknown[]));
      const drfMsg = `"${typeof value === 'string' ? value : JSON.stringify(value)}" is not a valid choice.`;
      return [finding(constraint === 'isEnum' ? 'enum' : 'literal_error', `Input should be ${expected}`, drfMsg, { expected })];
    }
    case 'isArray':
      return [finding('list_type', 'Input should be a valid list', `Expected a list of items but got type "${jsonTypeName(value)}".`)];
    case 'arrayMinSize': {
      const length = Array.isArray(value) ? value.length : 0;
      return [
        finding(
          'too_short',
          `List should have at least ${plural(limit, 'item')} after validation, not ${length}`,
          limit === 1 ? 'This list may not be empty.' : `Ensure this field has at least ${limit} elements.`,
          { field_type: 'List', min_length: limit, actual_length: length },
        ),
      ];
    }
    case 'arrayMaxSize': {
      const length = Array.isArray(value) ? value.length : 0;
      return [
        finding(
          'too_long',
          `List should have at most ${plural(limit, 'item')} after validation, not ${length}`,
          `Ensure this field has no more than ${limit} elements.`,
          {
            field_type: 'List',
            max_length: limit,
            actual_length: length,
          },
        ),
      ];
    }
    case 'isJsonDocument': {
      const problem = documentProblem(value, args[0] as DocumentShape);
      return problem ? [{ ...problem, input: { value: problem.input } }] : [MODEL_TYPE(value)];
    }
    case 'isTaggedUnion':
      return [unionFinding(value, args[0] as UnionSpec)];
    case 'isTextOrTextList':
      return textOrListFindings(value);
    default:
      return [MODEL_TYPE(value)];
  }
}
