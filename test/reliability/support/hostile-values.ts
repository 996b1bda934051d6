import fc from 'fast-check';

/** SQL that would do harm, or reveal itself in an error, if it ever reached a query unparameterized. */
export const SQL_PAYLOADS = [
  "' OR '1'='1",
  "'; DROP TABLE scores; --",
  '1; select pg_sleep(5)',
  "') OR 1=1 --",
  '" OR ""="',
  "x' UNION SELECT id, organization_id::text FROM users --",
  "%' OR 1=1 --",
  "\\'; truncate score_revisions; --",
  '1 AND (SELECT COUNT(*) FROM pg_stat_activity) > 0',
  '$1',
  '?',
  'organization_id',
  'id DESC; DELETE FROM scores',
  '-created_at, (select 1)',
  'created_at)--',
];

/** Values that are not what a field expects, or are at the edge of what it accepts. */
export const HOSTILE_SCALARS: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1e308,
  -1e308,
  2 ** 53 + 1,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  2147483648,
  -2147483649,
  0.1,
  5e-324,
  '',
  ' ',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '0x10',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-4fff-bfff-ffffffffffff',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff x',
  '💥🧪👩‍🔬',
  'ẞ ǅ ﬀ İ ı',
  '\u202e\u2066rtl',
  '\r\n\r\nHTTP/1.1 200 OK',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '%',
  '_',
  '\\',
  '{"a":1}',
  '[]',
  '2024-02-30T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999999Z',
  '-271821-04-20T00:00:00Z',
  ...SQL_PAYLOADS,
];

/** Nested arrays and objects `depth` levels deep. */
export function deeplyNested(depth: number, leaf: unknown = 1): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { n: value };
  return value;
}

/** 1 MiB of text (the body limit; a body holding it is over the limit). */
export const ONE_MIB_STRING = 'x'.repeat(1024 * 1024);
/** Large but under the body limit. */
export const LARGE_STRING = 'é'.repeat(300_000);

export const hostileScalar = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_SCALARS) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    { weight: 2, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((n) => Number(n)) },
    { weight: 1, arbitrary: fc.constantFrom(LARGE_STRING) },
  );

/** Any hostile value, structures included. */
export const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 8, arbitrary: hostileScalar() },
    { weight: 1, arbitrary: fc.integer({ min: 30, max: 200 }).map((depth) => deeplyNested(depth)) },
    { weight: 1, arbitrary: fc.array(hostileScalar(), { maxLength: 5 }) },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), hostileScalar(), { maxKeys: 4 }) },
  );

/** Strings for path segments, query values and headers. */
export const hostileText = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_SCALARS.filter((v): v is string => typeof v === 'string')) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.constantFrom('x'.repeat(600), '9'.repeat(400), '-1', '0', '1.5', '1e3', '+1', ' 1') },
  );
