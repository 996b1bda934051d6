import { createHash } from 'node:crypto';
import { RequestValidationException } from '../../common/errors/api-exceptions';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** An idempotent request: its key and the hash of its body. */
export interface IdempotencyClaim {
  key: string;
  requestHash: string;
}

/** Closing brackets and separators written as they are while serializing. */
class Token {
  constructor(readonly text: string) {}
}

/**
 * JSON with object keys sorted, so equal bodies hash alike whatever their key order. Iterative: the
 * body is hashed before its own validation has refused any nesting too deep for a recursive walk.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (item instanceof Token) {
      out.push(item.text);
    } else if (Array.isArray(item)) {
      out.push('[');
      pending.push(new Token(']'));
      for (let index = item.length - 1; index >= 0; index--) {
        pending.push(item[index] === undefined ? null : item[index]);
        if (index > 0) pending.push(new Token(','));
      }
    } else if (typeof item === 'object' && item !== null) {
      const entries = Object.entries(item)
        .filter(([, entry]) => entry !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      out.push('{');
      pending.push(new Token('}'));
      for (let index = entries.length - 1; index >= 0; index--) {
        pending.push(entries[index][1], new Token(`${JSON.stringify(entries[index][0])}:`));
        if (index > 0) pending.push(new Token(','));
      }
    } else {
      out.push(JSON.stringify(item) ?? 'null');
    }
  }
  return out.join('');
}

/** The claim of a request; a malformed key is a 400 naming the header. */
export function claimOf(key: string, body: unknown): IdempotencyClaim {
  if (!KEY_PATTERN.test(key)) {
    throw new RequestValidationException([
      {
        type: 'value_error',
        loc: ['header', IDEMPOTENCY_KEY_HEADER],
        msg: 'Value error, expected 1 to 255 visible ASCII characters',
        input: key,
        drfMsg: 'Expected 1 to 255 visible ASCII characters.',
      },
    ]);
  }
  return { key, requestHash: createHash('sha256').update(canonicalJson(body)).digest('hex') };
}
