/** Bounds of a value echoed back in an error: deeper containers, further values and longer text are cut. */
export const ECHO_LIMITS = { depth: 8, values: 1000, text: 10_000 } as const;

const CUT = '…';

function copyLeaf(value: unknown): unknown {
  if (typeof value === 'string') return value.length > ECHO_LIMITS.text ? `${value.slice(0, ECHO_LIMITS.text)}${CUT}` : value;
  return typeof value === 'bigint' ? value.toString() : value;
}

const put = (container: object, key: string | number, value: unknown) =>
  Object.defineProperty(container, key, { value, enumerable: true, writable: true, configurable: true });

/**
 * A copy of `value` fit to echo back as an error's `input`: iterative, at most ECHO_LIMITS.depth
 * levels and ECHO_LIMITS.values values, long strings cut; keys such as `__proto__` stay plain keys.
 */
export function boundedEcho(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return copyLeaf(value);
  const root: object = Array.isArray(value) ? [] : {};
  const pending: { source: object; target: object; depth: number }[] = [{ source: value, target: root, depth: 1 }];
  let budget = ECHO_LIMITS.values;
  while (pending.length > 0) {
    const { source, target, depth } = pending.shift()!;
    const keys: (string | number)[] = Array.isArray(source)
      ? Array.from({ length: Math.min(source.length, budget + 1) }, (_, index) => index)
      : Object.keys(source);
    for (const slot of keys) {
      const item = (source as Record<string | number, unknown>)[slot];
      if (budget-- <= 0) {
        put(target, slot, CUT);
        break;
      }
      if (typeof item !== 'object' || item === null) put(target, slot, copyLeaf(item));
      else if (depth >= ECHO_LIMITS.depth) put(target, slot, CUT);
      else {
        const child: object = Array.isArray(item) ? [] : {};
        put(target, slot, child);
        pending.push({ source: item, target: child, depth: depth + 1 });
      }
    }
  }
  return root;
}
