import { familyOf } from './dialects';
import { type Owned, ownedIds } from './fixtures';
import type { FuzzRequest, Operation } from './fuzz-requests';
import { type HostileClass, KEY_CASES, TEXT_CASES, valueCases } from './hostile-values';
import { parseExact, toJsonText } from './json-text';
import { MULTIPART_TYPE, fileFieldsOf, multipartBody, percentBytes } from './multipart-body';
import { type Components, type Slot, getAt, labelOf, setAt, slotsOf, withKey } from './schema-positions';

/** One request of the positions suite: a baseline with one hostile value at one position. */
export interface PositionRequest {
  hostileClass: HostileClass;
  /** Where the value went: `body: score_config.choices[0].name`, `query: log_id`, `path: scorer_id`. */
  position: string;
  request: FuzzRequest;
}

const copy = <T>(value: T): T => parseExact(toJsonText(value)) as T;

/** A path segment as the server decodes it (bytes that are not UTF-8 stay as sent). */
function decoded(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

/** The owner's credentials, as the route family takes them. */
const credentialsOf = (operation: Operation, a: Owned): Record<string, string> =>
  !operation.authenticated ? {} : familyOf(operation.template) === 'respan' ? a.tenant.bearerKey : a.tenant.galileoKey;

/** The baseline with `value` at the slot (containers the baseline lacks put in place first). */
function bodyWith(baseline: unknown, slot: Slot, apply: (body: unknown) => unknown): unknown {
  let body = copy(baseline);
  for (const [path, container] of slot.setup) body = setAt(body, path, copy(container));
  return apply(body);
}

/** How the requests of an operation are made: its path (some parameters replaced) and a body. */
function requestMaker(operation: Operation, a: Owned) {
  const params = Object.fromEntries(
    operation.parameters.filter((p) => p.in === 'path').map((p) => [p.name, ownedIds(a, operation.template, p.name)[0]]),
  );
  const pathWith = (encoded: Record<string, string>) =>
    operation.template.replace(/\{(\w+)\}/g, (_, name: string) => encoded[name] ?? encodeURIComponent(params[name]));
  const headers = credentialsOf(operation, a);
  const request = (
    path: string,
    body?: { text: string | Buffer; sent?: unknown; contentType: string },
    changed: Record<string, string> = {},
  ): FuzzRequest => ({
    method: operation.method,
    path,
    headers: body ? { ...headers, 'content-type': body.contentType } : headers,
    body: body?.text,
    sent: body?.sent,
    caller: 'a',
    params: { ...params, ...changed },
  });
  return { pathWith, request };
}

const json = (body: unknown) => ({ text: toJsonText(body), sent: parseExact(toJsonText(body)), contentType: 'application/json' });
const form = (fields: Record<string, unknown>, encoded: Record<string, string> = {}) => ({
  text: Object.entries(fields)
    .map(([name, value]) => `${encodeURIComponent(name)}=${encoded[name] ?? encodeURIComponent(String(value))}`)
    .join('&'),
  contentType: 'application/x-www-form-urlencoded',
});

/**
 * A multipart form: `changed` replaces a field's bytes (a file gets them before its baseline content, so
 * that the file stays a scorer and the value is what is tried). What the server should read is `sent`.
 */
function multipart(fields: Record<string, unknown>, files: ReadonlySet<string>, changed: Record<string, Buffer> = {}) {
  const bytes = Object.fromEntries(
    Object.entries(fields).map(([name, value]) => {
      const replacement = changed[name];
      if (!replacement) return [name, value];
      return [name, files.has(name) ? Buffer.concat([replacement, Buffer.from(`\n${String(value)}`)]) : replacement];
    }),
  );
  const sent = Object.fromEntries(
    Object.entries(bytes).map(([name, value]) => [name, Buffer.isBuffer(value) ? value.toString('utf8') : value]),
  );
  return { text: multipartBody(bytes, files), sent, contentType: MULTIPART_TYPE };
}

/** The body of a request as the operation's media type takes it. */
function encoded(operation: Operation, components: Components, fields: Record<string, unknown>) {
  const type = operation.body?.contentType;
  if (type === 'multipart/form-data') return multipart(fields, fileFieldsOf(operation.body?.schema, components));
  return type === 'application/json' ? json(fields) : form(fields);
}

/** The operation with its baseline body, as it is. */
export function baselineRequest(operation: Operation, a: Owned, baseline: Record<string, unknown>, components: Components): FuzzRequest {
  const { pathWith, request } = requestMaker(operation, a);
  return request(pathWith({}), encoded(operation, components, baseline));
}

/**
 * Every position of the operation, each with every hostile value of contract §10 that fits it. Each
 * request gets a baseline of its own from `baselineOf` (fresh log ids and slugs, so that no request is
 * refused for colliding with the one before).
 */
export function positionRequests(
  operation: Operation,
  components: Components,
  a: Owned,
  baselineOf: (() => Record<string, unknown>) | undefined,
): PositionRequest[] {
  const { pathWith, request } = requestMaker(operation, a);
  const baseline = baselineOf?.();
  const fresh = () => baselineOf?.() ?? {};
  const baselineBody = () => (baselineOf ? encoded(operation, components, fresh()) : undefined);
  const found: PositionRequest[] = [];

  for (const parameter of operation.parameters.filter((p) => p.in === 'path' || p.in === 'query')) {
    for (const { hostileClass, encoded } of TEXT_CASES) {
      const position = `${parameter.in}: ${parameter.name}`;
      if (parameter.in === 'query') {
        found.push({
          hostileClass,
          position,
          request: request(`${pathWith({})}?${encodeURIComponent(parameter.name)}=${encoded}`, baselineBody()),
        });
      } else {
        const changed = { [parameter.name]: decoded(encoded) };
        found.push({ hostileClass, position, request: request(pathWith({ [parameter.name]: encoded }), baselineBody(), changed) });
      }
    }
  }

  if (operation.body?.contentType === 'application/x-www-form-urlencoded' && baseline) {
    for (const field of Object.keys(baseline)) {
      for (const { hostileClass, encoded } of TEXT_CASES) {
        found.push({ hostileClass, position: `form: ${field}`, request: request(pathWith({}), form(baseline, { [field]: encoded })) });
      }
    }
  }

  if (operation.body?.contentType === 'multipart/form-data' && baseline) {
    const files = fileFieldsOf(operation.body.schema, components);
    for (const field of Object.keys(baseline)) {
      for (const { hostileClass, encoded: text } of TEXT_CASES) {
        const body = multipart(fresh(), files, { [field]: percentBytes(text) });
        found.push({ hostileClass, position: `form: ${field}`, request: request(pathWith({}), body) });
      }
    }
  }

  if (operation.body?.contentType === 'application/json') {
    for (const slot of slotsOf(operation.body.schema, components, baseline ?? {})) {
      const position = `body: ${labelOf(slot)}`;
      if (slot.kind === 'key') {
        for (const { hostileClass, key } of KEY_CASES) {
          const body = bodyWith(fresh(), slot, (b) =>
            setAt(b, slot.path, withKey(getAt(b, slot.path) as Record<string, unknown>, slot.key, key, slot.added)),
          );
          found.push({ hostileClass, position, request: request(pathWith({}), json(body)) });
        }
        continue;
      }
      for (const { hostileClass, value } of valueCases()) {
        const body = bodyWith(fresh(), slot, (b) => setAt(b, slot.path, value));
        found.push({ hostileClass, position, request: request(pathWith({}), json(body)) });
      }
    }
  }
  return found;
}
