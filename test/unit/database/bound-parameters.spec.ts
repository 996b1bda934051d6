import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { raw } from '@mikro-orm/core';
import { bindParameters } from '../../../src/database/binding/bound-parameters';

const platform = new PostgreSqlPlatform();

describe('statements sent with bind parameters', () => {
  it('numbers each `?` as the ORM would fill it, the values sent apart from the text', () => {
    const at = new Date('2026-01-02T03:04:05.678Z');
    expect(bindParameters('select * from scores where organization_id = ? and created_at < ? limit ?', ['o', at, 50], platform)).toEqual({
      sql: 'select * from scores where organization_id = $1 and created_at < $2 limit $3',
      values: ['o', at, 50],
    });
  });

  it('writes null and booleans into the text as the ORM does, and sends JSON documents as their text', () => {
    expect(bindParameters('update t set a = ?, b = ?, c = ?, d = ?', [null, true, { x: [1] }, "it's"], platform)).toEqual({
      sql: 'update t set a = null, b = true, c = $1, d = $2',
      values: ['{"x":[1]}', "it's"],
    });
  });

  it('expands a list into one parameter per item, quotes identifiers and keeps an escaped question mark', () => {
    expect(bindParameters("select ?? from t where id in (?) and note = '\\?' and k = ?", ['my col', ['a', 'b'], 'k'], platform)).toEqual({
      sql: 'select "my col" from t where id in ($1, $2) and note = \'?\' and k = $3',
      values: ['a', 'b', 'k'],
    });
  });

  it('leaves a statement with a raw fragment as parameter to the ORM', () => {
    expect(bindParameters('select ? as x', [raw('now()')], platform)).toBeUndefined();
  });
});
