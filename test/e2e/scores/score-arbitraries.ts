import fc from 'fast-check';

/** The arbitraries of the score property test: valid and hostile values of each field of a score body. */

export type Body = Record<string, unknown>;

export const VALUE_FIELDS = ['numerical_value', 'string_value', 'boolean_value', 'categorical_value', 'json_value'];
export const TEXT_FIELDS = ['environment', 'prompt_id', 'dataset_id', 'automation_id', 'scorer'];

export const junk = fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean(), fc.constant({}), fc.constant([1]), fc.constant(null));
export const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', 'a\u0000b', 'lone \ud800 surrogate', 'x'.repeat(255), 'x'.repeat(256), '  padded  ', '%_\\'),
);
export const number = fc.oneof(
  fc.double(),
  fc.integer({ min: -10, max: 110 }),
  fc.constantFrom(0, -0, 5e-324, 1.7976931348623157e308, 2 ** 53 + 1),
);
export const key = fc.oneof(
  fc.string({ maxLength: 8 }).filter((name) => name !== '__proto__'),
  fc.constantFrom('constructor', 'valueOf', 'toString', 'hasOwnProperty'),
);
export const inputs = fc.oneof(
  fc.dictionary(key, fc.jsonValue({ maxDepth: 4 })),
  fc.dictionary(key, fc.oneof(text, number)),
  fc.constant({ deep: JSON.parse(`${'{"a": '.repeat(40)}1${'}'.repeat(40)}`) }),
  junk,
);
export const timestamp = fc.oneof(
  fc
    .date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
    .map((date) => date.toISOString()),
  fc.constantFrom('2026-01-01', '2026-01-01T10:00:00+05:30', '0000-01-01T00:00:00Z', 'not a date', '2026-13-40T99:99:99Z'),
  junk,
);
export const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 3 });

export const valueFields = (choices: string[]) => ({
  numerical_value: optional(fc.oneof(number, fc.constant(null), junk)),
  string_value: optional(fc.oneof(text, fc.constant(null), junk)),
  boolean_value: optional(fc.oneof(fc.boolean(), fc.constant(null), junk)),
  categorical_value: optional(
    fc.oneof(
      fc.subarray(choices),
      fc.array(fc.constantFrom(...choices, 'other'), { maxLength: 4 }),
      fc.array(text, { maxLength: 3 }),
      fc.constant(null),
      junk,
    ),
  ),
  json_value: optional(fc.oneof(fc.json({ maxDepth: 3 }), text, fc.constant(null), junk)),
});
