import { ECHO_LIMITS, boundedEcho } from '../../../src/common/validation/echo';
import { JSON_DOCUMENT_LIMITS, documentValueProblem } from '../../../src/common/validation/json-document';

describe('JSON documents', () => {
  it('are checked iteratively at any depth, keys and leaves', () => {
    let deep: unknown = { ['k\ud800']: 1 };
    for (let index = 0; index < 15; index++) deep = { a: [deep] };
    expect(documentValueProblem(deep)?.at).toHaveLength(32);
    expect(documentValueProblem(deep)?.at.slice(-2)).toEqual(['k\ud800', '[key]']);
    expect(documentValueProblem({ a: Infinity })).toMatchObject({ type: 'finite_number', at: ['a'] });
  });

  it('are bounded: depth, entries per list or object, values in all', () => {
    let deep: unknown = 'leaf';
    for (let index = 0; index < JSON_DOCUMENT_LIMITS.depth; index++) deep = [deep];
    expect(documentValueProblem(deep)).toBeUndefined();
    expect(documentValueProblem([deep])).toMatchObject({
      at: [],
      drfMsg: `JSON nested deeper than ${JSON_DOCUMENT_LIMITS.depth} levels is not supported.`,
    });
    expect(documentValueProblem(new Array(JSON_DOCUMENT_LIMITS.entries + 1).fill(0))).toMatchObject({ type: 'value_error', at: [] });
    const wide = Array.from({ length: 20 }, () => new Array(JSON_DOCUMENT_LIMITS.values / 20).fill(0));
    expect(documentValueProblem(wide)?.drfMsg).toBe(`JSON documents are limited to ${JSON_DOCUMENT_LIMITS.values} values.`);
  });

  it('accept a document at the values limit', () => {
    const inner = () => Object.fromEntries(Array.from({ length: 3000 }, (_, index) => [`k${index}`, ['x'.repeat(20), index]]));
    const largest = Object.fromEntries(Array.from({ length: 11 }, (_, index) => [`part${index}`, inner()]));
    expect(documentValueProblem(largest)).toBeUndefined();
  });
});

describe('boundedEcho', () => {
  it('copies shallow values as they are, __proto__ keys as plain keys', () => {
    const value = JSON.parse('{"__proto__": {"x": 1}, "a": [1, "b", null]}');
    const echoed = boundedEcho(value) as Record<string, unknown>;
    expect(JSON.stringify(echoed)).toBe(JSON.stringify(value));
    expect(Object.getPrototypeOf(echoed)).toBe(Object.prototype);
  });

  it('cuts depth, size and long text', () => {
    let deep: unknown = 'leaf';
    for (let index = 0; index < 100_000; index++) deep = [deep];
    expect(JSON.stringify(boundedEcho(deep))).toBe(`${'['.repeat(ECHO_LIMITS.depth)}"…"${']'.repeat(ECHO_LIMITS.depth)}`);
    expect((boundedEcho(new Array(100_000).fill(1)) as unknown[]).length).toBe(ECHO_LIMITS.values + 1);
    expect((boundedEcho('x'.repeat(50_000)) as string).length).toBe(ECHO_LIMITS.text + 1);
  });
});
