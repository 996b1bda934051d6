/**
 * The path to the first array or object of `value` nested deeper than `maxDepth` (`value` itself is
 * depth 1), or `undefined`. Iterative, so a hostile body cannot exhaust the stack here.
 */
export function pathBeyondDepth(value: unknown, maxDepth: number): (string | number)[] | undefined {
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (path.length >= maxDepth) return path;
    const entries: [string | number, unknown][] = Array.isArray(current)
      ? current.map((item, index) => [index, item])
      : Object.entries(current);
    for (const [key, item] of entries) pending.push({ value: item, path: [...path, key] });
  }
  return undefined;
}
