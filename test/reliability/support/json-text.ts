/**
 * JSON with integers beyond ±2^53 kept exact: a client may send `12345678901234567890123`, which a
 * JavaScript number cannot hold. Such integers are bigints here, written and read as their digits.
 * Both directions cope with 5,000 levels of nesting (no recursion).
 */

type Frame = { open: '{' | '['; close: '}' | ']'; entries: [string | null, unknown][]; next: number };

function frameOf(value: object): Frame {
  return Array.isArray(value)
    ? { open: '[', close: ']', entries: value.map((item) => [null, item] as [null, unknown]), next: 0 }
    : { open: '{', close: '}', entries: Object.entries(value), next: 0 };
}

/** A scalar's JSON text; undefined for what JSON leaves out (undefined, functions). */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  return JSON.stringify(value);
}

/** JSON text of `value`, bigints written as their exact digits. */
export function toJsonText(value: unknown): string {
  if (value === null || typeof value !== 'object') return scalarText(value) ?? 'null';
  const out: string[] = [];
  const stack: Frame[] = [frameOf(value)];
  out.push(stack[0].open);
  while (stack.length) {
    const frame = stack[stack.length - 1];
    if (frame.next === frame.entries.length) {
      out.push(frame.close);
      stack.pop();
      continue;
    }
    const [key, item] = frame.entries[frame.next];
    const text = item !== null && typeof item === 'object' ? undefined : scalarText(item);
    if (key !== null && text === undefined && (item === null || typeof item !== 'object')) {
      frame.next++;
      continue;
    }
    if (frame.next > 0 && out[out.length - 1] !== frame.open) out.push(',');
    frame.next++;
    if (key !== null) out.push(`${JSON.stringify(key)}:`);
    if (item !== null && typeof item === 'object') {
      const child = frameOf(item);
      out.push(child.open);
      stack.push(child);
    } else out.push(text ?? 'null');
  }
  return out.join('');
}

type Reviver = (this: unknown, key: string, value: unknown, context: { source?: string }) => unknown;

const exactIntegers: Reviver = (_key, value, context) =>
  typeof value === 'number' && !Number.isSafeInteger(value) && context?.source && /^-?\d+$/.test(context.source)
    ? BigInt(context.source)
    : value;

/**
 * JSON.parse, integers beyond ±2^53 read as exact bigints (from the source text the reviver is given).
 * A reviver recurses: a document nested too deep for it is parsed without (it holds no such integer here).
 */
export function parseExact(text: string): unknown {
  try {
    return JSON.parse(text, exactIntegers as Parameters<typeof JSON.parse>[1]);
  } catch (error) {
    if (error instanceof RangeError) return JSON.parse(text);
    throw error;
  }
}

/** `parseExact`, or undefined when the text is not JSON. */
export function tryParseExact(text: string): unknown {
  try {
    return text ? parseExact(text) : undefined;
  } catch {
    return undefined;
  }
}
