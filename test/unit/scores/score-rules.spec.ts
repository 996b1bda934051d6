import { RequestValidationException } from '../../../src/common/errors/api-exceptions';
import { parseDateTime } from '../../../src/scores/model/date-time';
import { orderOf } from '../../../src/scores/filters/score-filter.fields';
import { parseFilterBody } from '../../../src/scores/filters/score-filter.parser';
import { canonicalJson, claimOf } from '../../../src/scores/idempotency/idempotency-key';
import { etagOf, ifMatchAllows } from '../../../src/scores/rules/if-match.rules';
import { checkInputs } from '../../../src/scores/rules/score-write.rules';

const nest = (depth: number): unknown => (depth === 0 ? 1 : { a: nest(depth - 1) });

/** The 400 checkInputs raises, as DRF would render it: location and message. */
function inputsProblem(inputs: unknown): [unknown[], string | undefined] | undefined {
  try {
    checkInputs(inputs);
    return undefined;
  } catch (error) {
    const [issue] = (error as RequestValidationException).issues;
    return [issue.loc, issue.drfMsg];
  }
}

describe('checkInputs (for callers without the request pipe)', () => {
  it('allows 32 levels of nesting and refuses 33', () => {
    expect(inputsProblem(nest(32))).toBeUndefined();
    expect(inputsProblem(nest(33))).toEqual([['body', 'inputs'], 'JSON nested deeper than 32 levels is not supported.']);
  });

  it('refuses text jsonb cannot store and numbers that are not finite, at the offending key or leaf', () => {
    expect(inputsProblem({ a: ['x\u0000'] })).toEqual([
      ['body', 'inputs', 'a', 0],
      'Null characters and unpaired surrogates are not allowed.',
    ]);
    expect(inputsProblem({ ['\ud800']: 1 })?.[0]).toEqual(['body', 'inputs', '\ud800', '[key]']);
    expect(inputsProblem({ a: Infinity })).toEqual([['body', 'inputs', 'a'], 'Numbers must be finite.']);
    expect(inputsProblem({ a: [1, 'b', null, true, { c: {} }] })).toBeUndefined();
  });
});

describe('score ETags', () => {
  it('is the quoted revision; If-Match takes *, lists and weak tags', () => {
    expect(etagOf(3)).toBe('"3"');
    expect(ifMatchAllows(undefined, 3)).toBe(true);
    expect(ifMatchAllows('*', 3)).toBe(true);
    expect(ifMatchAllows('"3"', 3)).toBe(true);
    expect(ifMatchAllows('"1", W/"3"', 3)).toBe(true);
    expect(ifMatchAllows('"2"', 3)).toBe(false);
    expect(ifMatchAllows('3', 3)).toBe(false);
  });
});

describe('parseDateTime', () => {
  it('reads a date-time without an offset as UTC', () => {
    expect(parseDateTime('2026-01-02T03:04:05').toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(parseDateTime('2026-01-02 03:04').toISOString()).toBe('2026-01-02T03:04:00.000Z');
    expect(parseDateTime('2026-01-02').toISOString()).toBe('2026-01-02T00:00:00.000Z');
    expect(parseDateTime('2026-01-02T03:04:05+02:00').toISOString()).toBe('2026-01-02T01:04:05.000Z');
  });
});

/** The refusals of a filter body as `location: message`, or none. */
function messages(body: unknown): string[] {
  try {
    parseFilterBody(body);
  } catch (error) {
    return (error as RequestValidationException).issues.map((issue) => `${issue.loc.join('.')}: ${issue.drfMsg}`);
  }
  return [];
}

describe('parseFilterBody', () => {
  it('normalizes conditions and echoes them', () => {
    const parsed = parseFilterBody({
      filters: {
        environment: { value: 'prod' },
        numerical_value: [
          { operator: 'gte', value: 1 },
          { operator: 'lt', value: 2 },
        ],
      },
    });
    expect(parsed.current).toEqual({
      environment: { operator: '', value: 'prod' },
      numerical_value: [
        { operator: 'gte', value: 1 },
        { operator: 'lt', value: 2 },
      ],
    });
    expect(parsed.conditions.map((condition) => [condition.target, condition.operator, condition.values])).toEqual([
      ['environment', 'eq', ['prod']],
      ['numericalValue', 'gte', [1]],
      ['numericalValue', 'lt', [2]],
    ]);
    expect(parseFilterBody(undefined)).toEqual({ conditions: [], current: {} });
    expect(parseFilterBody({ filters: null })).toEqual({ conditions: [], current: {} });
  });

  it('names every unknown field, operator and bad value', () => {
    expect(
      messages({ filters: { colour: {}, is_passed: { operator: 'icontains', value: 'x' }, created_at: { operator: 'gt', value: 'x' } } }),
    ).toEqual([
      'body.filters.colour: Unknown filter field; expected one of evaluator_id, evaluator_slug, log_id, dataset_id, environment, scorer, type, is_passed, created_at, numerical_value.',
      'body.filters.is_passed.operator: The "icontains" operator does not apply to is_passed; use one of "", "not".',
      'body.filters.created_at.value: Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].',
    ]);
    expect(messages({ filters: { log_id: { operator: 'in', value: [] } } })).toEqual([
      'body.filters.log_id.value: Expected between 1 and 100 values.',
    ]);
    expect(messages({ filters: { log_id: { operator: 'in', value: ['a', 2] } } })).toEqual([
      'body.filters.log_id.value.1: Not a valid string.',
    ]);
    expect(messages({ filters: { log_id: [] } })).toEqual(['body.filters.log_id: Expected a condition or a non-empty list of conditions.']);
  });
});

describe('filter limits', () => {
  const conditions = (count: number) => Array.from({ length: count }, (_, index) => ({ operator: 'in', value: [`log-${index}`] }));

  it('refuses 20,000 conditions on one field before reading them, naming the field', () => {
    const read = new Set<string>();
    const watched = new Proxy(conditions(20_000), {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) read.add(key);
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(messages({ filters: { log_id: watched } })).toEqual(['body.filters.log_id: Expected at most 50 conditions.']);
    expect(read.size).toBeLessThanOrEqual(50);
  });

  it('allows 50 conditions in all, and no more', () => {
    expect(messages({ filters: { log_id: conditions(25), dataset_id: conditions(25) } })).toEqual([]);
    expect(messages({ filters: { log_id: conditions(25), dataset_id: conditions(25), scorer: { value: 'x' } } })).toEqual([
      'body.filters: Expected at most 50 conditions in all.',
    ]);
    const manyFields = Object.fromEntries(Array.from({ length: 60 }, (_, index) => [`field_${index}`, { value: 'x' }]));
    expect(messages({ filters: manyFields })).toEqual(['body.filters: Expected at most 50 conditions in all.']);
  });

  it('allows 100 values in a condition, and no more', () => {
    const values = (count: number) => Array.from({ length: count }, (_, index) => `v${index}`);
    expect(messages({ filters: { log_id: { operator: 'in', value: values(100) } } })).toEqual([]);
    expect(messages({ filters: { log_id: { operator: 'not', value: values(101) } } })).toEqual([
      'body.filters.log_id.value: Expected between 1 and 100 values.',
    ]);
  });
});

describe('score list order', () => {
  it('orders by the sort key, then id the same way', () => {
    expect(orderOf('-created_at')).toEqual({ createdAt: 'desc', id: 'desc' });
    expect(orderOf('numerical_value')).toEqual({ numericalValue: 'asc', id: 'asc' });
  });
});

describe('Idempotency-Key request hashes', () => {
  it('hash equal bodies alike whatever their key order, and tell other bodies apart', () => {
    expect(canonicalJson({ b: [1, { d: null, c: 'x' }], a: true })).toBe('{"a":true,"b":[1,{"c":"x","d":null}]}');
    expect(claimOf('k', { a: 1, b: 2 }).requestHash).toBe(claimOf('k', { b: 2, a: 1 }).requestHash);
    expect(claimOf('k', { a: 1 }).requestHash).not.toBe(claimOf('k', { a: '1' }).requestHash);
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('serialize nesting far deeper than the stack allows', () => {
    const depth = 200_000;
    expect(canonicalJson(JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`))).toHaveLength(2 * depth);
  });

  it('refuse a key that is not 1 to 255 visible ASCII characters, naming the header', () => {
    for (const key of ['', 'x'.repeat(256), 'with space', 'é']) {
      expect(() => claimOf(key, {})).toThrow(RequestValidationException);
    }
    expect(claimOf('x'.repeat(255), {}).key).toHaveLength(255);
  });
});
