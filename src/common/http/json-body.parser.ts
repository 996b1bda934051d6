import { MalformedJsonException } from './malformed-json.exception';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const dropPrototypeKeys = (key: string, value: unknown) => (key === '__proto__' ? undefined : value);

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line} column ${column} (char ${position})`;
}

/**
 * Parses a JSON request body. An empty body is `undefined` (the route reports the body as missing);
 * invalid UTF-8 or JSON is a MalformedJsonException; `__proto__` keys are dropped.
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
    return text.includes('"__proto__"') ? JSON.parse(text, dropPrototypeKeys) : JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const match = /position (\d+)/.exec(message);
    const position = match ? Number(match[1]) : text.length;
    const reason = /end of (JSON|data)/i.test(message) ? 'Expecting value' : message.replace(/ in JSON at position \d+.*$/, '');
    throw new MalformedJsonException(position, `${reason}: ${lineAndColumn(text, position)}`);
  }
}
