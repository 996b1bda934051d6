import { parseJsonBody } from '../../../src/common/http/json-body.parser';
import { RequestValidationException } from '../../../src/common/errors/api-exceptions';
import { MalformedJsonException } from '../../../src/common/http/malformed-json.exception';

describe('parseJsonBody', () => {
  it('parses JSON and treats an empty body as absent', () => {
    expect(parseJsonBody(Buffer.from('{"a":[1,2]}'))).toEqual({ a: [1, 2] });
    expect(parseJsonBody(Buffer.alloc(0))).toBeUndefined();
    expect(parseJsonBody(Buffer.from('  \n'))).toBeUndefined();
  });

  it('reports where malformed JSON stops', () => {
    try {
      parseJsonBody(Buffer.from('{"a": }'));
      throw new Error('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(MalformedJsonException);
      const { position, reason } = error as MalformedJsonException;
      expect(position).toBeGreaterThanOrEqual(6);
      expect(position).toBeLessThanOrEqual(7);
      expect(reason).toMatch(/line 1 column \d+ \(char \d+\)/);
    }
  });

  it('refuses invalid UTF-8', () => {
    expect(() => parseJsonBody(Buffer.from([0x22, 0xc3, 0x22]))).toThrow(MalformedJsonException);
  });

  it('keeps __proto__ keys as plain keys, polluting nothing', () => {
    const parsed = parseJsonBody(Buffer.from('{"__proto__": {"polluted": true}, "a": 1}')) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(JSON.stringify(parsed)).toBe('{"__proto__":{"polluted":true},"a":1}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses integers a double cannot hold, naming where they are', () => {
    const refused = (text: string) => {
      try {
        parseJsonBody(Buffer.from(text));
      } catch (error) {
        return (error as RequestValidationException).issues;
      }
      throw new Error(`${text} was accepted`);
    };
    expect(refused('{"inputs": {"n": [1, 12345678901234567890123]}}')).toEqual([
      expect.objectContaining({ type: 'value_error', loc: ['body', 'inputs', 'n', 1], input: '12345678901234567890123' }),
    ]);
    expect(refused('-9007199254740993')[0].loc).toEqual(['body']);
    expect(refused('{"": 9007199254740992}')[0].loc).toEqual(['body', '']);
  });

  it('keeps exact numbers, long digit runs in strings and exponent forms', () => {
    expect(parseJsonBody(Buffer.from('{"a": 9007199254740991, "b": "12345678901234567890", "c": 1e22, "d": 0.1}'))).toEqual({
      a: 9007199254740991,
      b: '12345678901234567890',
      c: 1e22,
      d: 0.1,
    });
  });
});
