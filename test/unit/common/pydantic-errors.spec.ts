import 'reflect-metadata';
import { RequestValidationException } from '../../../src/common/errors/api-exceptions';
import type { ValidationIssue } from '../../../src/common/errors/validation-issue';
import { GalileoSchema, RespanParameters, RespanSchema } from '../../../src/common/openapi/schema-styles';
import { RequestValidationPipe } from '../../../src/common/pipes/request-validation.pipe';
import {
  ValidateBoolean,
  ValidateDateTime,
  ValidateEnum,
  ValidateInt,
  ValidateJson,
  ValidateModel,
  ValidateNumber,
  ValidateString,
  ValidateTextOrTextList,
  ValidateUUID,
} from '../../../src/common/validation/validation';

@GalileoSchema('FidelityNested')
class Nested {
  @ValidateString()
  a: string;
}

/** One optional field of each type a Galileo (pydantic) schema declares, and one required field. */
@GalileoSchema('Fidelity')
class Fidelity {
  @ValidateString()
  required: string;

  @ValidateString({ optional: true })
  str?: string;

  @ValidateInt({ optional: true })
  int?: number;

  @ValidateInt({ optional: true, min: 1, max: 100 })
  bounded?: number;

  @ValidateNumber({ optional: true })
  float?: number;

  @ValidateBoolean({ optional: true })
  bool?: boolean;

  @ValidateUUID({ version: 4, optional: true })
  uuid4?: string;

  @ValidateDateTime({ optional: true })
  datetime?: string;

  @ValidateEnum(['llm', 'code'], { optional: true, enumName: 'FidelityKind' })
  enum?: string;

  @ValidateEnum(['eq', 'ne'], { optional: true })
  literal?: string;

  @ValidateString({ each: true, optional: true })
  list?: string[];

  @ValidateJson('object', { optional: true })
  dict?: Record<string, unknown>;

  @ValidateModel(() => Nested, { optional: true })
  model?: Nested;

  @ValidateJson('numberMap', { optional: true })
  map?: Record<string, number | null>;

  @ValidateTextOrTextList({ optional: true })
  text_or_list?: string | string[];

  @ValidateString({ optional: true, nullable: true, maxLength: 3 })
  nullable?: string | null;
}

const pipe = new RequestValidationPipe();

async function validated(type: Function, body: Record<string, unknown>, location: 'body' | 'query' = 'body') {
  try {
    return { value: (await pipe.transform(body, { type: location, metatype: type as never })) as Record<string, unknown> };
  } catch (error) {
    if (error instanceof RequestValidationException) return { issues: error.issues };
    throw error;
  }
}

const MISSING: unique symbol = Symbol('missing');
type Expected = { ok: unknown } | [type: string, msg: string, at?: (string | number)[]];

/**
 * What pydantic 2 answers for each input of each field type, in the lax (python) mode FastAPI
 * validates request bodies in (pydantic-core: src/errors/types.rs, src/input/input_python.rs,
 * src/input/shared.rs; speedate for date-times; the uuid crate for UUIDs).
 */
const TABLE: [field: keyof Fidelity, input: unknown, expected: Expected][] = [
  ['str', 'abc', { ok: 'abc' }],
  ['str', 42, ['string_type', 'Input should be a valid string']],
  ['str', 4.5, ['string_type', 'Input should be a valid string']],
  ['str', true, ['string_type', 'Input should be a valid string']],
  ['str', ['a'], ['string_type', 'Input should be a valid string']],
  ['str', { a: 1 }, ['string_type', 'Input should be a valid string']],
  ['str', null, ['string_type', 'Input should be a valid string']],
  ['required', MISSING, ['missing', 'Field required']],
  ['nullable', null, { ok: null }],
  ['nullable', 'abcd', ['string_too_long', 'String should have at most 3 characters']],

  ['int', 'abc', ['int_parsing', 'Input should be a valid integer, unable to parse string as an integer']],
  ['int', '42', { ok: 42 }],
  ['int', ' -42 ', { ok: -42 }],
  ['int', '4_200', { ok: 4200 }],
  ['int', '42.00', { ok: 42 }],
  ['int', '4.5', ['int_parsing', 'Input should be a valid integer, unable to parse string as an integer']],
  ['int', 42, { ok: 42 }],
  ['int', 42.5, ['int_from_float', 'Input should be a valid integer, got a number with a fractional part']],
  ['int', true, { ok: 1 }],
  ['int', false, { ok: 0 }],
  ['int', [1], ['int_type', 'Input should be a valid integer']],
  ['int', { a: 1 }, ['int_type', 'Input should be a valid integer']],
  ['int', null, ['int_type', 'Input should be a valid integer']],
  ['bounded', 0, ['greater_than_equal', 'Input should be greater than or equal to 1']],
  ['bounded', '101', ['less_than_equal', 'Input should be less than or equal to 100']],

  ['float', 'abc', ['float_parsing', 'Input should be a valid number, unable to parse string as a number']],
  ['float', '3.5', { ok: 3.5 }],
  ['float', ' 1e3 ', { ok: 1000 }],
  ['float', '1_000.5', { ok: 1000.5 }],
  ['float', 3, { ok: 3 }],
  ['float', true, { ok: 1 }],
  ['float', [1], ['float_type', 'Input should be a valid number']],
  ['float', { a: 1 }, ['float_type', 'Input should be a valid number']],
  ['float', null, ['float_type', 'Input should be a valid number']],

  ['bool', 'abc', ['bool_parsing', 'Input should be a valid boolean, unable to interpret input']],
  ['bool', 'yes', { ok: true }],
  ['bool', 'OFF', { ok: false }],
  ['bool', '1', { ok: true }],
  ['bool', 0, { ok: false }],
  ['bool', 1, { ok: true }],
  ['bool', 2, ['bool_parsing', 'Input should be a valid boolean, unable to interpret input']],
  ['bool', 0.5, ['bool_type', 'Input should be a valid boolean']],
  ['bool', ['true'], ['bool_type', 'Input should be a valid boolean']],
  ['bool', {}, ['bool_type', 'Input should be a valid boolean']],
  ['bool', null, ['bool_type', 'Input should be a valid boolean']],

  ['uuid4', 'abc', ['uuid_parsing', 'Input should be a valid UUID, invalid length: expected length 32 for simple format, found 3']],
  [
    'uuid4',
    'not-a-uuid',
    [
      'uuid_parsing',
      'Input should be a valid UUID, invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `n` at 1',
    ],
  ],
  ['uuid4', '0b6f9f5e-8f2c-4c44-9a57', ['uuid_parsing', 'Input should be a valid UUID, invalid group count: expected 5, found 4']],
  [
    'uuid4',
    '0b6f9f5e8-f2c-4c44-9a57-3d6f0c1e2b7a',
    ['uuid_parsing', 'Input should be a valid UUID, invalid group length in group 0: expected 8, found 9'],
  ],
  ['uuid4', '6ba7b810-9dad-11d1-80b4-00c04fd430c8', ['uuid_version', 'UUID version 4 expected']],
  ['uuid4', '0B6F9F5E8F2C4C449A573D6F0C1E2B7A', { ok: '0b6f9f5e-8f2c-4c44-9a57-3d6f0c1e2b7a' }],
  ['uuid4', '{0b6f9f5e-8f2c-4c44-9a57-3d6f0c1e2b7a}', { ok: '0b6f9f5e-8f2c-4c44-9a57-3d6f0c1e2b7a' }],
  ['uuid4', 'urn:uuid:0b6f9f5e-8f2c-4c44-9a57-3d6f0c1e2b7a', { ok: '0b6f9f5e-8f2c-4c44-9a57-3d6f0c1e2b7a' }],
  ['uuid4', 42, ['uuid_type', 'UUID input should be a string, bytes or UUID object']],
  ['uuid4', true, ['uuid_type', 'UUID input should be a string, bytes or UUID object']],
  ['uuid4', [], ['uuid_type', 'UUID input should be a string, bytes or UUID object']],
  ['uuid4', null, ['uuid_type', 'UUID input should be a string, bytes or UUID object']],

  ['datetime', 'abc', ['datetime_from_date_parsing', 'Input should be a valid datetime or date, input is too short']],
  ['datetime', 'yesterday!', ['datetime_from_date_parsing', 'Input should be a valid datetime or date, invalid character in year']],
  [
    'datetime',
    '2024/01/01',
    ['datetime_from_date_parsing', 'Input should be a valid datetime or date, invalid date separator, expected `-`'],
  ],
  [
    'datetime',
    '2024-13-01T00:00:00Z',
    ['datetime_from_date_parsing', 'Input should be a valid datetime or date, month value is outside expected range of 1-12'],
  ],
  [
    'datetime',
    '2023-02-29',
    ['datetime_from_date_parsing', 'Input should be a valid datetime or date, day value is outside expected range'],
  ],
  [
    'datetime',
    '2024-01-01T25:00:00Z',
    ['datetime_from_date_parsing', 'Input should be a valid datetime or date, unexpected extra characters at the end of the input'],
  ],
  ['datetime', '2024-01-01T10:00:00Z', { ok: '2024-01-01T10:00:00Z' }],
  ['datetime', 1700000000, { ok: '2023-11-14T22:13:20.000Z' }],
  ['datetime', '1700000000', { ok: '2023-11-14T22:13:20.000Z' }],
  ['datetime', 1700000000000, { ok: '2023-11-14T22:13:20.000Z' }],
  ['datetime', true, ['datetime_type', 'Input should be a valid datetime']],
  ['datetime', [], ['datetime_type', 'Input should be a valid datetime']],
  ['datetime', {}, ['datetime_type', 'Input should be a valid datetime']],
  ['datetime', null, ['datetime_type', 'Input should be a valid datetime']],

  ['enum', 'code', { ok: 'code' }],
  ['enum', 'abc', ['enum', "Input should be 'llm' or 'code'"]],
  ['enum', 1, ['enum', "Input should be 'llm' or 'code'"]],
  ['enum', null, ['enum', "Input should be 'llm' or 'code'"]],
  ['literal', 'x', ['literal_error', "Input should be 'eq' or 'ne'"]],
  ['literal', ['eq'], ['literal_error', "Input should be 'eq' or 'ne'"]],

  ['list', ['a', 'b'], { ok: ['a', 'b'] }],
  ['list', 'abc', ['list_type', 'Input should be a valid list']],
  ['list', 42, ['list_type', 'Input should be a valid list']],
  ['list', { a: 1 }, ['list_type', 'Input should be a valid list']],
  ['list', null, ['list_type', 'Input should be a valid list']],
  ['list', ['a', 1], ['string_type', 'Input should be a valid string', ['list', 1]]],

  ['dict', { a: [1] }, { ok: { a: [1] } }],
  ['dict', 'abc', ['dict_type', 'Input should be a valid dictionary']],
  ['dict', [1], ['dict_type', 'Input should be a valid dictionary']],
  ['dict', 42, ['dict_type', 'Input should be a valid dictionary']],
  ['dict', null, ['dict_type', 'Input should be a valid dictionary']],

  ['model', 'abc', ['model_attributes_type', 'Input should be a valid dictionary or object to extract fields from']],
  ['model', [], ['model_attributes_type', 'Input should be a valid dictionary or object to extract fields from']],
  ['model', 42, ['model_attributes_type', 'Input should be a valid dictionary or object to extract fields from']],
  ['model', null, ['model_attributes_type', 'Input should be a valid dictionary or object to extract fields from']],
  ['model', {}, ['missing', 'Field required', ['model', 'a']]],
  ['model', { a: 5 }, ['string_type', 'Input should be a valid string', ['model', 'a']]],

  ['map', { p: 0.5, q: null }, { ok: { p: 0.5, q: null } }],
  ['map', { p: '0.5' }, { ok: { p: 0.5 } }],
  ['map', { p: 'x' }, ['float_parsing', 'Input should be a valid number, unable to parse string as a number', ['map', 'p']]],
  ['map', { p: [1] }, ['float_type', 'Input should be a valid number', ['map', 'p']]],
  ['map', [1], ['dict_type', 'Input should be a valid dictionary']],

  ['text_or_list', 'a', { ok: 'a' }],
  ['text_or_list', ['a'], { ok: ['a'] }],
  ['text_or_list', 5, ['string_type', 'Input should be a valid string', ['text_or_list', 'str']]],
];

describe('pydantic 2 fidelity of Galileo (FastAPI) validation errors', () => {
  it.each(
    TABLE.map(([field, input, expected]) => [field, input === MISSING ? '(missing)' : JSON.stringify(input), input, expected] as const),
  )('%s ← %s', async (field, _shown, input, expected) => {
    const body: Record<string, unknown> = { required: 'r' };
    if (input === MISSING) delete body[field];
    else body[field] = input;
    const result = await validated(Fidelity, body);
    if (!Array.isArray(expected)) {
      expect(result.issues).toBeUndefined();
      expect(result.value?.[field]).toEqual(expected.ok);
      return;
    }
    const [type, msg, at] = expected;
    expect(result.issues?.[0]).toMatchObject({ type, msg, loc: ['body', ...(at ?? [field])] });
  });

  it('reports both members of `str | list[str]`, located by member', async () => {
    const { issues } = await validated(Fidelity, { required: 'r', text_or_list: ['a', 7] });
    expect(issues?.map(({ type, loc }) => [type, loc])).toEqual([
      ['string_type', ['body', 'text_or_list', 'str']],
      ['string_type', ['body', 'text_or_list', 'list[str]', 1]],
    ]);
  });

  it('echoes the input as sent: the parent object for a missing field, the value otherwise', async () => {
    const { issues } = await validated(Fidelity, { int: '4.5' });
    expect(issues).toEqual([
      expect.objectContaining({ type: 'missing', input: { int: '4.5' } }),
      expect.objectContaining({ type: 'int_parsing', input: '4.5' }),
    ]);
  });

  it('gives ctx as pydantic does', async () => {
    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [{ bounded: 0 }, { ge: 1 }],
      [{ nullable: 'abcd' }, { max_length: 3 }],
      [{ enum: 'x' }, { expected: "'llm' or 'code'" }],
      [{ uuid4: '6ba7b810-9dad-11d1-80b4-00c04fd430c8' }, { expected_version: 4 }],
    ];
    for (const [body, ctx] of cases) expect((await validated(Fidelity, { required: 'r', ...body })).issues?.[0].ctx).toEqual(ctx);
  });
});

@RespanSchema('DrfFidelity')
class DrfFidelity {
  @ValidateNumber({ optional: true, nullable: true })
  number?: number | null;

  @ValidateInt({ optional: true })
  int?: number;

  @ValidateBoolean({ optional: true })
  bool?: boolean;

  @ValidateString({ optional: true, minLength: 1 })
  text?: string;

  @ValidateString({ optional: true })
  required_text?: string;

  @ValidateEnum(['a', 'b'], { optional: true })
  choice?: string;
}

@RespanParameters()
class DrfQuery {
  @ValidateInt({ optional: true, min: 1 })
  page?: number;

  @ValidateBoolean({ optional: true })
  flag?: boolean;

  @ValidateNumber({ optional: true })
  number?: number;
}

describe('DRF (Respan) validation messages', () => {
  const messages = (issues: ValidationIssue[] | undefined) => issues?.map((issue) => [issue.loc, issue.drfMsg]);

  it.each([
    [{ number: '3' }, 'A valid number is required.'],
    [{ number: true }, 'A valid number is required.'],
    [{ int: 1.5 }, 'A valid integer is required.'],
    [{ bool: 'yes' }, 'Must be a valid boolean.'],
    [{ bool: 1 }, 'Must be a valid boolean.'],
    [{ text: '' }, 'This field may not be blank.'],
    [{ text: 7 }, 'Not a valid string.'],
    [{ text: null }, 'This field may not be null.'],
    [{ choice: 'c' }, '"c" is not a valid choice.'],
  ])('JSON bodies are read as sent: %j → %s', async (body, message) => {
    const field = Object.keys(body)[0];
    expect(messages((await validated(DrfFidelity, body)).issues)).toEqual([[['body', field], message]]);
  });

  it('parses query parameters as DRF fields parse text', async () => {
    expect((await validated(DrfQuery, { page: '2', flag: 'True', number: '2.5' }, 'query')).value).toMatchObject({
      page: 2,
      flag: true,
      number: 2.5,
    });
    expect(messages((await validated(DrfQuery, { page: 'abc' }, 'query')).issues)).toEqual([
      [['query', 'page'], 'A valid integer is required.'],
    ]);
    expect(messages((await validated(DrfQuery, { page: '0' }, 'query')).issues)).toEqual([
      [['query', 'page'], 'Ensure this value is greater than or equal to 1.'],
    ]);
    expect(messages((await validated(DrfQuery, { flag: 'maybe' }, 'query')).issues)).toEqual([
      [['query', 'flag'], 'Must be a valid boolean.'],
    ]);
  });
});
