import fc from 'fast-check';
import { familyOf } from './dialects';
import { type Owned, ownedIds } from './fixtures';
import { hostileText } from './hostile-values';
import { type Components, arbitraryOf } from './schema-arbitrary';
import { bodyOf } from './fuzz-bodies';

/** One operation of the OpenAPI document. */
export interface Operation {
  method: string;
  template: string;
  parameters: { name: string; in: 'path' | 'query' | 'header'; schema: Record<string, any>; required?: boolean }[];
  body?: { contentType: string; schema: Record<string, any> };
  authenticated: boolean;
}

/** A generated request, and what the fuzzer knows about it. */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** The body as the server should read it, when it is JSON. */
  sent?: unknown;
  /** Whose credentials it carries ('a' the owner of the fixtures, 'b' the other organization). */
  caller: 'a' | 'b' | 'none' | 'bad';
  /** The path parameters, for the read-back. */
  params: Record<string, string>;
}

export function operationsOf(document: Record<string, any>): Operation[] {
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries<Record<string, any>>(document.paths)) {
    for (const [method, operation] of Object.entries<Record<string, any>>(item)) {
      const content = operation.requestBody?.content ?? {};
      const contentType = Object.keys(content)[0];
      operations.push({
        method,
        template,
        parameters: operation.parameters ?? [],
        body: contentType ? { contentType, schema: content[contentType].schema } : undefined,
        authenticated: (operation.security ?? []).length > 0,
      });
    }
  }
  // Deletes last, so that the other operations find the fixtures in place.
  return operations.sort((x, y) => Number(x.method === 'delete') - Number(y.method === 'delete'));
}

/** Long strings shortened, so that a counterexample stays readable. */
const shorten = (text: string): string => (text.length > 120 ? `${text.slice(0, 60)}…(${text.length} chars)…${text.slice(-20)}` : text);

export function describeRequest(request: FuzzRequest): string {
  const body = request.body === undefined ? '' : Buffer.isBuffer(request.body) ? `<${request.body.length} bytes>` : shorten(request.body);
  const headers = Object.entries(request.headers).map(([name, value]) => `${name}: ${shorten(value)}`);
  return `${request.method.toUpperCase()} ${shorten(request.path)} [${request.caller}] {${headers.join('; ')}} ${body}`;
}

/** Header values node:http can send: printable Latin-1, no line breaks. */
const headerSafe = (text: string): string =>
  [...Buffer.from(text, 'utf8').toString('latin1')].map((c) => (c === '\t' || (c >= ' ' && c !== '\x7f') ? c : '?')).join('');

/** A path segment, percent-encoded (lone surrogates become U+FFFD, as any UTF-8 client would send them). */
export const segment = (text: string): string => encodeURIComponent(Buffer.from(text, 'utf8').toString('utf8'));

/** Path segments sent as they are (not percent-encoded): malformed escapes, dot segments, reserved characters. */
const RAW_SEGMENTS = ['%', '%zz', '%E0%A4%A', '%C0%AF', '..', '.', '%2e%2e', '%2F', '%00', ';x=1', '@', '*', '%ff%fe', '~'];

const decoded = (raw: string): string => {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
};

/** Path parameters (encoded, and as the server decodes them): own ids, the other organization's, unknown UUIDs, hostile text. */
function pathParamsOf(operation: Operation, a: Owned, b: Owned): fc.Arbitrary<Record<string, { encoded: string; value: string }>> {
  const names = operation.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  const encoded = (arbitrary: fc.Arbitrary<string>) => arbitrary.map((value) => ({ encoded: segment(value), value }));
  const record: Record<string, fc.Arbitrary<{ encoded: string; value: string }>> = {};
  for (const name of names) {
    record[name] = fc.oneof(
      { weight: 6, arbitrary: encoded(fc.constantFrom(...ownedIds(a, operation.template, name))) },
      { weight: 2, arbitrary: encoded(fc.constantFrom(...ownedIds(b, operation.template, name))) },
      { weight: 1, arbitrary: encoded(fc.uuid({ version: 4 })) },
      // Not empty: an empty segment changes the route (`/api/scores//` is the list), it is no parameter value.
      { weight: 2, arbitrary: encoded(hostileText().filter((text) => text.length > 0)) },
      { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS).map((raw) => ({ encoded: raw, value: decoded(raw) })) },
    );
  }
  return fc.record(record);
}

/** `arbitrary` once in `every` values, null otherwise. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: every - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });

function queryOf(operation: Operation, components: Components): fc.Arbitrary<string> {
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const parameter of operation.parameters.filter((p) => p.in === 'query')) {
    record[parameter.name] = fc.oneof(
      { weight: 3, arbitrary: arbitraryOf(parameter.schema, components) },
      { weight: 2, arbitrary: hostileText() },
      { weight: 1, arbitrary: fc.array(hostileText(), { minLength: 2, maxLength: 3 }) },
    );
  }
  const unknown = fc.dictionary(fc.constantFrom('unknown', 'sort_by', 'page', 'limit', 'x[y]', '__proto__', 'a.b'), hostileText(), {
    maxKeys: 2,
  });
  return fc
    .tuple(fc.record(record, { requiredKeys: [] }), rarely(unknown, 4), rarely(fc.constant('x'.repeat(20_000)), 40))
    .map(([known, extra, huge]) => {
      const search = new URLSearchParams();
      for (const [name, value] of Object.entries({ ...known, ...(extra ?? {}) })) {
        for (const item of Array.isArray(value) ? value : [value])
          search.append(name, typeof item === 'string' ? item : JSON.stringify(item));
      }
      if (huge) search.append('huge', huge);
      const text = search.toString();
      return text ? `?${text}` : '';
    });
}

/** Credentials: mostly the owner's (API key or JWT, as the family accepts), sometimes none, broken or the other organization's. */
function credentialsOf(
  operation: Operation,
  a: Owned,
  b: Owned,
): fc.Arbitrary<{ caller: FuzzRequest['caller']; headers: Record<string, string> }> {
  const respan = familyOf(operation.template) === 'respan';
  const own = respan
    ? [{ Authorization: `Bearer ${a.tenant.apiKey}` }, { Authorization: `Bearer ${a.jwt}` }]
    : [a.tenant.galileoKey, a.tenant.bearerKey, a.tenant.basic, { Authorization: `Bearer ${a.jwt}` }];
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...own).map((headers) => ({ caller: 'a' as const, headers })) },
    { weight: 1, arbitrary: fc.constant({ caller: 'b' as const, headers: b.tenant.bearerKey }) },
    { weight: 1, arbitrary: fc.constant({ caller: 'none' as const, headers: {} }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('Authorization', 'Galileo-API-Key'), fc.constantFrom('Bearer ', 'Basic ', '', 'bearer  '), hostileText())
        .map(([name, scheme, value]) => ({ caller: 'bad' as const, headers: { [name]: headerSafe(scheme + value) } })),
    },
  );
}

/** Usually no extra header; sometimes one or two hostile ones (a 20 kB one rarely: that is a 431 before any route). */
const extraHeaders = (): fc.Arbitrary<Record<string, string>> => {
  const one = fc.oneof(
    fc.tuple(fc.constant('Idempotency-Key'), fc.oneof(fc.uuid(), hostileText(), fc.constant('k'.repeat(300)))),
    fc.tuple(
      fc.constant('If-Match'),
      fc.oneof(fc.constantFrom('"1"', '*', 'W/"1"', '"1", "2"', '""', '"99999999999999999999"'), hostileText()),
    ),
    fc.tuple(fc.constant('X-Request-Id'), hostileText()),
    fc.tuple(fc.constant('X-Forwarded-For'), fc.constantFrom('1.2.3.4', 'garbage', '::1, 10.0.0.1')),
    fc.tuple(fc.constant('Accept'), fc.constantFrom('application/xml', '*/*', 'text/html')),
  );
  return fc
    .oneof(
      { weight: 10, arbitrary: fc.constant([] as [string, string][]) },
      { weight: 6, arbitrary: fc.array(one, { minLength: 1, maxLength: 2 }) },
      { weight: 1, arbitrary: fc.constant([['X-Huge', 'h'.repeat(20_000)]] as [string, string][]) },
    )
    .map((pairs) => Object.fromEntries(pairs.map(([name, value]) => [name, headerSafe(value)])));
};

const contentTypes = fc.oneof(
  { weight: 12, arbitrary: fc.constant(undefined) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'text/plain',
      'application/json; charset=latin1',
      'application/xml',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json;;',
      '',
    ),
  },
);

/** Galileo routes are also answered without the prefix and under /public/v2; Respan routes without the slash. */
const aliasOf = (path: string): fc.Arbitrary<string> =>
  familyOf(path) === 'respan'
    ? fc.constantFrom(path, path.replace(/\/(\?|$)/, '$1'))
    : path.startsWith('/v2/')
      ? fc.constantFrom(path, path, path.slice(3), `/public${path}`)
      : fc.constant(path);

export function requestsOf(
  operation: Operation,
  components: Components,
  a: Owned,
  b: Owned,
  hints: (body: any) => fc.Arbitrary<any>,
): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      params: pathParamsOf(operation, a, b),
      query: queryOf(operation, components),
      body: bodyOf(operation, components, hints),
      credentials: credentialsOf(operation, a, b),
      extra: extraHeaders(),
      contentType: contentTypes,
    })
    .chain(({ params, query, body, credentials, extra, contentType }) => {
      const path = operation.template.replace(/\{(\w+)\}/g, (_, name: string) => params[name].encoded);
      return aliasOf(path).map((aliased) => {
        const headers: Record<string, string> = { ...extra, ...credentials.headers };
        const type = contentType ?? body.contentType ?? (body.text !== undefined ? 'application/json' : undefined);
        if (type !== undefined) headers['content-type'] = type;
        const sentAsJson = type === 'application/json' && body.sent !== undefined;
        const request: FuzzRequest = {
          method: operation.method,
          path: aliased + query,
          headers,
          body: body.text,
          sent: sentAsJson ? body.sent : undefined,
          caller: credentials.caller,
          params: Object.fromEntries(Object.entries(params).map(([name, { value }]) => [name, value])),
        };
        return Object.defineProperty(request, fc.toStringMethod, { value: () => describeRequest(request) });
      });
    });
}

/** Bodies that the rules of the fixtures accept more often than random ones would (a custom evaluator slug, a fresh log). */
export function tameScoreBody(a: Owned): (body: any) => fc.Arbitrary<any> {
  return (body) =>
    fc
      .record({
        slug: fc.oneof(
          fc.constantFrom(...a.evaluators.map((e) => e.slug)),
          fc.uuid().map((id) => `custom_${id.slice(0, 8)}`),
        ),
        log: fc.uuid(),
        value: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: 0, max: 10 }), fc.constant(null)),
      })
      .map(({ slug, log, value }) => {
        if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
        const tamed = { ...body, evaluator_slug: slug, log_id: `fuzz-${log}` };
        delete tamed.evaluator_id;
        if (slug.includes('_numerical_') || slug.includes('_percentage_')) tamed.numerical_value = value;
        return tamed;
      });
}
