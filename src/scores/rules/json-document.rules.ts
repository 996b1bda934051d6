import { isStorableText } from '../../common/validation/json-document';

/** Free-form JSON deeper than this is refused: PostgreSQL's jsonb (and the request pipeline) stop far earlier than 1 MiB allows. */
export const MAX_JSON_DEPTH = 32;

/**
 * Why PostgreSQL's jsonb could not store `value` exactly, or `undefined`: nesting beyond
 * MAX_JSON_DEPTH, strings or keys with NUL or unpaired surrogates, numbers that are not finite.
 */
export function jsonDocumentProblem(value: unknown): string | undefined {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  while (pending.length > 0) {
    const { value: current, depth } = pending.pop()!;
    if (typeof current === 'string') {
      if (!isStorableText(current)) return 'Null characters and unpaired surrogates are not allowed.';
      continue;
    }
    if (typeof current === 'number') {
      if (!Number.isFinite(current)) return 'Numbers must be finite.';
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth > MAX_JSON_DEPTH) return `JSON nested deeper than ${MAX_JSON_DEPTH} levels is not supported.`;
    const entries = Array.isArray(current) ? current.map((item) => ['', item] as const) : Object.entries(current);
    for (const [key, item] of entries) {
      if (!isStorableText(key)) return 'Null characters and unpaired surrogates are not allowed.';
      pending.push({ value: item, depth: depth + 1 });
    }
  }
  return undefined;
}
