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

/** The classes of contract §10, each with the values a position receives (bigints are sent as exact digits). */
export const HOSTILE_CLASSES = [
  'NUL',
  'lone surrogate',
  'leading BOM',
  '100 kB string',
  'huge integer',
  '__proto__/constructor keys',
  'deep nesting',
] as const;
export type HostileClass = (typeof HOSTILE_CLASSES)[number];

/** 100 kB of UTF-8 (50,000 two-byte characters). */
export const HUNDRED_KB_STRING = '\u00e9'.repeat(50_000);
/** How deep `deep nesting` goes. */
export const DEEP = 5000;

/** An object whose own keys are `__proto__` and `constructor` (as JSON.parse makes them), and an ordinary one. */
export function prototypeKeys(): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of [
    ['__proto__', { polluted: 1 }],
    ['constructor', { prototype: { polluted: 1 } }],
    ['keep', 2],
  ] as const)
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

/** The values every typed or free-form position receives, by class. */
export function valueCases(): { hostileClass: HostileClass; value: unknown }[] {
  return [
    { hostileClass: 'NUL', value: 'a\u0000b' },
    { hostileClass: 'NUL', value: '\u0000' },
    { hostileClass: 'lone surrogate', value: '\ud800' },
    { hostileClass: 'lone surrogate', value: 'x\udfffy' },
    { hostileClass: 'leading BOM', value: '\ufeffz' },
    { hostileClass: '100 kB string', value: HUNDRED_KB_STRING },
    { hostileClass: 'huge integer', value: 12345678901234567890123n },
    { hostileClass: 'huge integer', value: -9007199254740993n },
    { hostileClass: '__proto__/constructor keys', value: prototypeKeys() },
    { hostileClass: 'deep nesting', value: deeplyNested(DEEP) },
  ];
}

/** The keys every free-form object receives (a key renamed, or one added), by class. */
export const KEY_CASES: { hostileClass: HostileClass; key: string }[] = [
  { hostileClass: 'NUL', key: 'a\u0000b' },
  { hostileClass: 'lone surrogate', key: '\udc00' },
  { hostileClass: 'leading BOM', key: '\ufeffk' },
  { hostileClass: '100 kB string', key: HUNDRED_KB_STRING },
  { hostileClass: '__proto__/constructor keys', key: '__proto__' },
  { hostileClass: '__proto__/constructor keys', key: 'constructor' },
];

/** Path and query values, percent-encoded as a client sends them (a lone surrogate as its CESU-8 bytes, which no UTF-8 client can avoid). */
export const TEXT_CASES: { hostileClass: HostileClass; encoded: string }[] = [
  { hostileClass: 'NUL', encoded: 'a%00b' },
  { hostileClass: 'lone surrogate', encoded: '%ED%A0%80' },
  { hostileClass: 'leading BOM', encoded: '%EF%BB%BFz' },
  { hostileClass: '100 kB string', encoded: 'x'.repeat(100_000) },
  { hostileClass: 'huge integer', encoded: '12345678901234567890123' },
  { hostileClass: '__proto__/constructor keys', encoded: '__proto__' },
  { hostileClass: 'deep nesting', encoded: '%5B'.repeat(DEEP) },
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

/** Strings of contract §10's classes: NUL, lone surrogates, a leading BOM, 100 kB. */
export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom('a\u0000b', '\u0000', '\ud800', 'x\udfffy', '\ufeffz', '\ufeff', HUNDRED_KB_STRING),
    fc.string({ unit: 'grapheme', maxLength: 12 }).map((text) => `\ufeff${text}`),
  );

/** Integers beyond ±2^53 (sent as their exact digits: see json-text.ts). */
export const hugeInteger = (): fc.Arbitrary<bigint> =>
  fc.oneof(fc.bigInt({ min: 2n ** 53n + 1n, max: 2n ** 80n }), fc.bigInt({ min: -(2n ** 80n), max: -(2n ** 53n) - 1n }));

export const hostileScalar = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_SCALARS) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    { weight: 2, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((n) => Number(n)) },
    { weight: 1, arbitrary: fc.constantFrom(LARGE_STRING) },
    { weight: 2, arbitrary: hostileString() },
    { weight: 1, arbitrary: hugeInteger() },
  );

/** An object built from entries, keys such as `__proto__` kept as own keys (as JSON.parse makes them). */
export function objectOf(entries: [string, unknown][]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

/** Keys of a free-form object: ordinary ones, and those of KEY_CASES. */
export const freeFormKey = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) },
    { weight: 1, arbitrary: fc.constantFrom(...KEY_CASES.map((c) => c.key)) },
  );

/** Any hostile value, structures included. */
export const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 8, arbitrary: hostileScalar() },
    { weight: 1, arbitrary: fc.integer({ min: 30, max: 200 }).map((depth) => deeplyNested(depth)) },
    { weight: 1, arbitrary: fc.constant(null).map(() => deeplyNested(DEEP)) },
    { weight: 1, arbitrary: fc.array(hostileScalar(), { maxLength: 5 }) },
    { weight: 1, arbitrary: fc.array(fc.tuple(freeFormKey(), hostileScalar()), { maxLength: 4 }).map(objectOf) },
    { weight: 1, arbitrary: fc.constant(null).map(prototypeKeys) },
  );

/** Strings for path segments, query values and headers. */
export const hostileText = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_SCALARS.filter((v): v is string => typeof v === 'string')) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.constantFrom('x'.repeat(600), '9'.repeat(400), '-1', '0', '1.5', '1e3', '+1', ' 1') },
  );
