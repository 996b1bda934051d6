import { RequestValidationException } from '../errors/api-exceptions';
import { MalformedJsonException } from './malformed-json.exception';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Integers of 15 digits or fewer are always exact: only a text with a longer digit run needs the slow path. */
const LONG_DIGIT_RUN = /\d{16}/;
const INTEGER_LITERAL = /^-?\d+$/;

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line} column ${column} (char ${position})`;
}

/** The path from `root` to the object `holder` (iterative search by identity). */
function pathTo(root: unknown, holder: object): (string | number)[] | undefined {
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (value === holder) return path;
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'object' && item !== null)
        pending.push({ value: item, path: [...path, Array.isArray(value) ? Number(key) : key] });
    }
  }
  return undefined;
}

interface InexactInteger {
  holder: object;
  key: string;
  source: string;
}

/**
 * JSON.parse, refusing integer literals a double cannot hold exactly (beyond ±2^53): they would be
 * stored rounded. Node 24 gives the reviver each number's source text.
 */
function parseExactly(text: string): unknown {
  if (!LONG_DIGIT_RUN.test(text)) return JSON.parse(text);
  let inexact: InexactInteger | undefined;
  const value: unknown = JSON.parse(text, function (this: object, key: string, item: unknown, context?: { source?: string }) {
    const source = context?.source;
    if (!inexact && typeof item === 'number' && !Number.isSafeInteger(item) && source !== undefined && INTEGER_LITERAL.test(source)) {
      inexact = { holder: this, key, source };
    }
    return item;
  } as (key: string, value: unknown) => unknown);
  if (!inexact) return value;
  // The root's holder is a wrapper JSON.parse makes, found nowhere in the value.
  const holderPath = pathTo(value, inexact.holder);
  const loc = holderPath ? ['body', ...holderPath, Array.isArray(inexact.holder) ? Number(inexact.key) : inexact.key] : ['body'];
  const message = `Integers beyond ±2^53 (${Number.MAX_SAFE_INTEGER}) cannot be stored exactly.`;
  throw new RequestValidationException([
    { type: 'value_error', loc, msg: `Value error, ${message}`, input: inexact.source, drfMsg: message },
  ]);
}

/**
 * Parses a JSON request body. An empty body is `undefined` (the route reports the body as missing);
 * invalid UTF-8 or JSON is a MalformedJsonException; an integer that would be rounded is a
 * RequestValidationException naming where it is. Keys such as `__proto__` stay plain keys
 * (JSON.parse defines them as own properties).
 */
export function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    throw new MalformedJsonException(0, 'the body is not valid UTF-8');
  }
  if (text.trim() === '') return undefined;
  try {
    return parseExactly(text);
  } catch (error) {
    if (error instanceof RequestValidationException) throw error;
    const message = (error as Error).message;
    const match = /position (\d+)/.exec(message);
    const position = match ? Number(match[1]) : text.length;
    const reason = /end of (JSON|data)/i.test(message) ? 'Expecting value' : message.replace(/ in JSON at position \d+.*$/, '');
    throw new MalformedJsonException(position, `${reason}: ${lineAndColumn(text, position)}`);
  }
}
