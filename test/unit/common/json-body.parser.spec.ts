import { parseJsonBody } from '../../../src/common/http/json-body.parser';
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

  it('drops __proto__ keys', () => {
    const parsed = parseJsonBody(Buffer.from('{"__proto__": {"polluted": true}, "a": 1}')) as Record<string, unknown>;
    expect(parsed).toEqual({ a: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
