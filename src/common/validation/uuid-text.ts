const HEX_GROUPS = /^([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/i;
const SIMPLE = /^([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})$/i;

/**
 * The canonical (lower-case, hyphenated) form of a UUID written in one of the forms Python's `uuid`
 * crate (pydantic) and PostgreSQL accept: hyphenated, 32 hex digits, `{…}` or `urn:uuid:…`.
 */
export function canonicalUuid(text: string): string | undefined {
  const body =
    text.length === 38 && text.startsWith('{') && text.endsWith('}')
      ? text.slice(1, -1)
      : text.length === 45 && text.startsWith('urn:uuid:')
        ? text.slice(9)
        : text;
  const match = (body.length === 36 ? HEX_GROUPS : body.length === 32 && body === text ? SIMPLE : undefined)?.exec(body);
  return match ? match.slice(1).join('-').toLowerCase() : undefined;
}

const GROUP_STARTS = [0, 9, 14, 19, 24];
const GROUP_LENGTHS = [8, 4, 4, 4, 12];

/** Why `text` is not a UUID, worded as the `uuid` crate pydantic-core uses (1.18) words it. */
export function uuidParsingReason(text: string): string {
  const [body, offset, simple] =
    text.startsWith('{') && text.endsWith('}') && text.length >= 2
      ? [text.slice(1, -1), 1, false]
      : text.startsWith('urn:uuid:')
        ? [text.slice(9), 9, false]
        : [text, 0, true];
  const hyphens: number[] = [];
  let index = 0;
  for (const character of body) {
    if (character === '-') hyphens.push(index);
    else if (!/^[0-9a-f]$/i.test(character)) {
      return `invalid character: expected an optional prefix of \`urn:uuid:\` followed by [0-9a-fA-F-], found \`${character}\` at ${index + offset + 1}`;
    }
    index += Buffer.byteLength(character);
  }
  if (hyphens.length === 0 && simple) return `invalid length: expected length 32 for simple format, found ${Buffer.byteLength(text)}`;
  if (hyphens.length !== 4) return `invalid group count: expected 5, found ${hyphens.length + 1}`;
  for (let group = 0; group < 4; group++) {
    if (hyphens[group] !== GROUP_STARTS[group + 1] - 1) {
      return `invalid group length in group ${group}: expected ${GROUP_LENGTHS[group]}, found ${hyphens[group] - GROUP_STARTS[group]}`;
    }
  }
  return `invalid group length in group 4: expected 12, found ${Buffer.byteLength(text) - GROUP_STARTS[4]}`;
}
