import { RawQueryFragment } from '@mikro-orm/core';
import { arrayLiteral } from '../../../src/common/query/array-literal';
import { type FilterCondition, compileCondition, compileWhere } from '../../../src/common/query/filter.compiler';
import { containsPattern, likeLiteral, prefixPattern } from '../../../src/common/query/like-pattern';

/** A compiled filter with its raw fragments written out as `raw(sql, params)`, so that it can be compared. */
function shown(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shown);
  const fragment = fragmentOf(value);
  if (fragment) return `raw(${fragment.sql}, ${JSON.stringify(fragment.params)})`;
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  const keys = [...Object.keys(value), ...Object.getOwnPropertySymbols(value)];
  return Object.fromEntries(
    keys.map((key) => {
      const rawKey = typeof key === 'symbol' ? fragmentOf(key) : undefined;
      const name = rawKey ? `raw(${rawKey.sql}, ${JSON.stringify(rawKey.params)})` : String(key);
      return [name, shown((value as Record<string | symbol, unknown>)[key])];
    }),
  );
}

const fragmentOf = (value: unknown) => RawQueryFragment.getKnownFragment(value);

const compiled = (condition: Partial<FilterCondition>) =>
  shown(compileCondition({ target: 'logId', operator: 'eq', values: [], ...condition } as FilterCondition));

describe('LIKE patterns', () => {
  it('match %, _ and \\ literally', () => {
    expect(likeLiteral('50%_\\')).toBe('50\\%\\_\\\\');
    expect(containsPattern('a%')).toBe('%a\\%%');
    expect(prefixPattern('a_')).toBe('a\\_%');
  });
});

describe('array literals', () => {
  it('quote every element and escape quotes and backslashes', () => {
    expect(arrayLiteral(['a', 'b"c', 'd\\e', '{x,y}', ''])).toBe('{"a","b\\"c","d\\\\e","{x,y}",""}');
    expect(arrayLiteral([1.5, true, new Date('2026-01-02T03:04:05Z')])).toBe('{"1.5","true","2026-01-02T03:04:05.000Z"}');
  });
});

describe('the filter compiler', () => {
  it('compares one value directly and several as one array parameter', () => {
    expect(compiled({ values: ['a'] })).toEqual({ logId: 'a' });
    expect(compiled({ values: ['a', 'b'] })).toEqual({ logId: { $eq: 'raw(any(?::text[]), ["{\\"a\\",\\"b\\"}"])' } });
    expect(compiled({ target: 'evaluatorId', type: 'uuid', values: ['u1', 'u2'] })).toEqual({
      evaluatorId: { $eq: 'raw(any(?::uuid[]), ["{\\"u1\\",\\"u2\\"}"])' },
    });
  });

  it('keeps NULL rows for `ne` on a nullable target only', () => {
    expect(compiled({ operator: 'ne', nullable: true, values: ['a'] })).toEqual({ $or: [{ logId: { $ne: 'a' } }, { logId: null }] });
    expect(compiled({ operator: 'ne', values: ['a', 'b'] })).toEqual({ logId: { $ne: 'raw(all(?::text[]), ["{\\"a\\",\\"b\\"}"])' } });
  });

  it('matches LIKE patterns literally, several as any of an array', () => {
    expect(compiled({ operator: 'icontains', values: ['50%_\\'] })).toEqual({ logId: { $ilike: '%50\\%\\_\\\\%' } });
    expect(compiled({ operator: 'startswith', values: ['a', 'b'] })).toEqual({
      logId: { $like: 'raw(any(?::text[]), ["{\\"a%\\",\\"b%\\"}"])' },
    });
  });

  it('empty means NULL, or also "" for text', () => {
    expect(compiled({ operator: 'empty', text: true, nullable: false })).toEqual({ logId: '' });
    expect(compiled({ operator: 'empty', text: true, nullable: true })).toEqual({ $or: [{ logId: null }, { logId: '' }] });
    expect(compiled({ operator: 'not_empty' })).toEqual({ logId: { $ne: null } });
  });

  it('looks into JSON arrays of strings', () => {
    const tags = { sql: 's.tags' };
    expect(compiled({ target: tags, operator: 'has', values: ['x'] })).toEqual({
      'raw(s.tags, [])': { $hasSomeKeys: 'raw(?::text[], ["{\\"x\\"}"])' },
    });
    expect(compiled({ target: tags, operator: 'has_none', values: [] })).toEqual({
      $not: { 'raw(s.tags, [])': { $hasSomeKeys: 'raw(?::text[], ["{}"])' } },
    });
    expect(compiled({ target: tags, operator: 'has_containing', values: ['5%'] })).toEqual({
      'raw(exists (select 1 from jsonb_array_elements_text(s.tags) as element(value) where element.value like any(?::text[])), ["{\\"%5\\\\\\\\%%\\"}"])':
        [],
    });
  });

  it('adds each condition to the scope, and nothing without conditions', () => {
    expect(compileWhere({ organizationId: 'o' }, [])).toEqual({ organizationId: 'o' });
    const where = compileWhere({ organizationId: 'o' }, [{ target: 'logId', operator: 'gt', values: [1] }]);
    expect(shown(where)).toEqual({ $and: [{ organizationId: 'o' }, { logId: { $gt: 1 } }] });
  });
});
