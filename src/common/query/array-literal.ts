/**
 * A PostgreSQL array literal of `values` (`{"a","b\"c"}`), sent as one query parameter and cast to
 * the element type: every element quoted, `"` and `\` escaped, instants as ISO text.
 */
export function arrayLiteral(values: readonly (string | number | boolean | Date)[]): string {
  const elements = values.map((value) => {
    const text = value instanceof Date ? value.toISOString() : String(value);
    return `"${text.replace(/["\\]/g, (character) => `\\${character}`)}"`;
  });
  return `{${elements.join(',')}}`;
}
