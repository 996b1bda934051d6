import { checkField } from '../../../src/common/validation/check-field';
import type { FieldSpec } from '../../../src/common/validation/field-spec';

const spec = (kind: FieldSpec['kind'], extra: Partial<FieldSpec> = {}): FieldSpec => ({ kind, required: true, nullable: false, ...extra });

describe('checkField', () => {
  it('reports absent required fields as missing, and accepts absent optional ones', () => {
    expect(checkField(spec('string'), undefined)).toMatchObject({
      type: 'missing',
      msg: 'Field required',
      drfMsg: 'This field is required.',
    });
    expect(checkField(spec('string', { required: false }), undefined)).toBeUndefined();
  });

  it('accepts null only where the field is nullable', () => {
    expect(checkField(spec('number', { nullable: true }), null)).toBeUndefined();
    expect(checkField(spec('number'), null)).toMatchObject({ type: 'float_type', drfMsg: 'This field may not be null.' });
  });

  it.each([
    ['uuid4', 'not-a-uuid', 'uuid_parsing'],
    ['uuid4', '6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'uuid_version'],
    ['uuid4', 42, 'uuid_type'],
    ['int', '7', 'int_parsing'],
    ['int', 1.5, 'int_from_float'],
    ['int', 2 ** 31, 'less_than_equal'],
    ['int', Infinity, 'finite_number'],
    ['number', '0.5', 'float_type'],
    ['number', Infinity, 'finite_number'],
    ['boolean', 'true', 'bool_type'],
    ['string', 12, 'string_type'],
    ['string', 'nul\u0000byte', 'string_unicode'],
    ['string', 'lone \ud800 surrogate', 'string_unicode'],
    ['datetime', 'yesterday', 'datetime_from_date_parsing'],
    ['object', [], 'dict_type'],
    ['list', 'a', 'list_type'],
  ] as const)('%s rejects %j as %s', (kind, value, type) => {
    expect(checkField(spec(kind), value)?.type).toBe(type);
  });

  it.each([
    ['uuid4', '0b6f9f5e-8f2c-4c44-9a57-3d6f0c1e2b7a'],
    ['uuid', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'],
    ['int', -3],
    ['number', 0.25],
    ['boolean', false],
    ['string', 'ünïcødé ✓ 🎯'],
    ['datetime', '2026-11-22T16:33:43.123Z'],
    ['datetime', '2025-04-01 09:00:00+00:00'],
    ['object', { a: [1] }],
  ] as const)('%s accepts %j', (kind, value) => {
    expect(checkField(spec(kind), value)).toBeUndefined();
  });

  it('checks enum membership, listing the choices as pydantic does', () => {
    expect(checkField(spec('enum', { values: ['llm', 'code'] }), 'luna')).toMatchObject({
      type: 'enum',
      msg: "Input should be 'llm' or 'code'",
      drfMsg: '"luna" is not a valid choice.',
    });
  });

  it('locates the bad entry of a number map', () => {
    expect(checkField(spec('numberMap'), { ok: 1, none: null, bad: 'x' })).toMatchObject({ type: 'float_type', at: ['bad'] });
    expect(checkField(spec('numberMap'), { big: Number('1e400') })).toMatchObject({ type: 'finite_number', at: ['big'] });
    expect(checkField(spec('numberMap'), { a: 0.5, b: null })).toBeUndefined();
  });

  it('locates the bad item of a list of scalars', () => {
    const list = spec('list', { items: spec('string') });
    expect(checkField(list, ['a', 3])).toMatchObject({ type: 'string_type', at: [1] });
  });

  it('applies bounds, lengths and patterns', () => {
    expect(checkField(spec('int', { min: 1 }), 0)).toMatchObject({ type: 'greater_than_equal', ctx: { ge: 1 } });
    expect(checkField(spec('string', { maxLength: 3 }), 'abcd')).toMatchObject({ type: 'string_too_long' });
    expect(checkField(spec('string', { pattern: '^password$' }), 'other')).toMatchObject({ type: 'string_pattern_mismatch' });
  });
});
