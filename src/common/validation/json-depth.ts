/**
 * The top-level key under which `value` holds an array or object nested deeper than `maxDepth`
 * (`value` itself is depth 1), `null` when `value` itself is too deep, `undefined` when none is.
 * Iterative and linear in the size of `value`, so a hostile body can exhaust neither stack nor memory.
 */
export function keyBeyondDepth(value: unknown, maxDepth: number): string | number | null | undefined {
  const pending: { value: unknown; depth: number; root: string | number | null }[] = [{ value, depth: 1, root: null }];
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (typeof current.value !== 'object' || current.value === null) continue;
    if (current.depth > maxDepth) return current.root;
    const entries: [string | number, unknown][] = Array.isArray(current.value)
      ? current.value.map((item, index) => [index, item])
      : Object.entries(current.value);
    for (const [key, item] of entries) {
      if (typeof item === 'object' && item !== null) pending.push({ value: item, depth: current.depth + 1, root: current.root ?? key });
    }
  }
  return undefined;
}
