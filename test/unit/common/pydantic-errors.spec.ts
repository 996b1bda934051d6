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
import { MISSING, TABLE } from './pydantic-table';

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
