import fc from 'fast-check';
import { ONE_MIB_STRING, hostileText, hostileValue, KEY_CASES } from './hostile-values';
import { parseExact, toJsonText } from './json-text';
import { MULTIPART_TYPE, fileFieldsOf, multipartBody } from './multipart-body';
import { type Components, arbitraryOf } from './schema-arbitrary';
import type { Operation } from './fuzz-requests';

const RAW_JSON_BODIES = [
  '{"a": NaN}',
  '{"score": Infinity, "numerical_value": -Infinity}',
  '{"numerical_value": 1e999}',
  '{"score": 123456789012345678901234567890, "numerical_value": -0}',
  '{"__proto__": {"polluted": true}, "name": "proto"}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  "{'single': 'quotes'}",
  '{"trailing": 1,}',
  '{"unterminated": "',
  '\ufeff{"bom": true}',
  '[]',
  '"just a string"',
  'null',
  '42',
  '',
  ' ',
  `{"deep": ${'{"n": '.repeat(5000)}1${'}'.repeat(5000)}}`,
  `{"inputs": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
  `{"big": "${ONE_MIB_STRING}"}`,
];

/** Contents of the body: schema-conforming, mutated, hostile raw text, or nothing. */
export function bodyOf(
  operation: Operation,
  components: Components,
  hints: (body: any) => fc.Arbitrary<any>,
): fc.Arbitrary<{ text?: string | Buffer; sent?: unknown; contentType?: string }> {
  const schema = operation.body?.schema ?? { type: 'object' };
  const conforming = arbitraryOf(schema, components).chain((body) => fc.oneof(fc.constant(body), hints(body)));
  const mutated = fc
    .tuple(
      conforming,
      fc.nat(),
      fc.constantFrom('replace', 'add', 'remove', 'whole', 'wrap'),
      hostileValue(),
      fc.oneof(
        { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
        { weight: 1, arbitrary: fc.constantFrom(...KEY_CASES.map((c) => c.key)) },
      ),
    )
    .map(([body, index, mutation, value, key]) => {
      if (!body || typeof body !== 'object' || Array.isArray(body)) return value;
      const copy: Record<string, unknown> = { ...body };
      const keys = Object.keys(copy);
      const target = keys.length ? keys[index % keys.length] : key;
      const put = (name: string) => Object.defineProperty(copy, name, { value, enumerable: true, writable: true, configurable: true });
      if (mutation === 'replace') put(target);
      else if (mutation === 'add') put(key);
      else if (mutation === 'remove') delete copy[target];
      else if (mutation === 'whole') return value;
      else return [copy];
      return copy;
    });
  const duplicateKeys = fc.tuple(conforming, hostileValue()).map(([body, value]) => {
    const text = toJsonText(body ?? {});
    const first = body && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body)[0] : undefined;
    if (!first || !text.endsWith('}')) return { text: `{"k": 1, "k": ${toJsonText(value)}}` };
    return { text: `${text.slice(0, -1)}, ${JSON.stringify(first)}: ${toJsonText(value)}}` };
  });
  // Integers beyond ±2^53 are sent as their exact digits, and what was sent is read exactly.
  const json = (body: unknown) => ({ text: toJsonText(body), sent: parseExact(toJsonText(body)) });
  const raw = fc.oneof(
    fc.constantFrom(...RAW_JSON_BODIES).map((text) => ({ text })),
    fc.constant({ text: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]) }),
    duplicateKeys,
  );
  if (operation.body?.contentType === 'application/x-www-form-urlencoded') {
    const form = fc
      .dictionary(fc.constantFrom('username', 'password', 'grant_type', 'scope', 'client_id', 'x'), hostileText(), { maxKeys: 5 })
      .map((fields) => ({ text: new URLSearchParams(fields).toString(), contentType: 'application/x-www-form-urlencoded' }));
    return fc.oneof({ weight: 4, arbitrary: form }, { weight: 1, arbitrary: raw }, { weight: 1, arbitrary: fc.constant({}) });
  }
  if (operation.body?.contentType === 'multipart/form-data') {
    const files = fileFieldsOf(schema, components);
    const asForm = (body: unknown) => ({
      text: multipartBody(
        body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : { file: body },
        files,
      ),
      contentType: MULTIPART_TYPE,
    });
    return fc.oneof(
      { weight: 5, arbitrary: conforming.map(asForm) },
      { weight: 4, arbitrary: mutated.map(asForm) },
      { weight: 1, arbitrary: raw },
      { weight: 1, arbitrary: fc.constant({}) },
    );
  }
  return fc.oneof(
    { weight: 5, arbitrary: conforming.map(json) },
    { weight: 4, arbitrary: mutated.map(json) },
    { weight: 2, arbitrary: raw },
    { weight: operation.body ? 1 : 4, arbitrary: fc.constant({}) },
  );
}
