import { type FuzzRequest, type Operation, segment } from './fuzz-requests';
import type { HttpResult } from './http';
import { toJsonText, tryParseExact } from './json-text';

/** How to read back what a successful write stored, and which item of the answer it is. */
export interface ReadBack {
  path: string;
  /** The stored item in the GET's body (absent: the body itself); undefined when it is missing. */
  pick?: (body: any) => unknown;
  /** A delete: the GET must answer 404 (or the item be missing from the list). */
  gone?: boolean;
}

/** The caller's user id, for the key listing. */
export type UserOf = (caller: FuzzRequest['caller']) => string;

export function readBackOf(method: string, template: string, request: FuzzRequest, res: HttpResult, userOf: UserOf): ReadBack | null {
  const p = request.params;
  const id = res.body?.id;
  const key = `${method.toUpperCase()} ${template}`;
  switch (key) {
    case 'POST /v2/scorers':
      return { path: `/v2/scorers/${id}` };
    case 'PATCH /v2/scorers/{scorer_id}':
      return { path: `/v2/scorers/${p.scorer_id}` };
    case 'DELETE /v2/scorers/{scorer_id}':
      return { path: `/v2/scorers/${p.scorer_id}`, gone: true };
    case 'POST /v2/scorers/{scorer_id}/version/llm':
    case 'POST /v2/scorers/{scorer_id}/version/preset':
    case 'POST /v2/scorers/{scorer_id}/versions/{version_number}/restore':
      return { path: `/v2/scorers/${p.scorer_id}/version?version=${res.body.version}` };
    case 'POST /v2/scorers/{scorer_id}/version/code':
      return { path: `/v2/scorers/${p.scorer_id}/version/code?version=${res.body.version}`, pick: (body) => ({ file: body }) };
    case 'POST /v2/scorers/{scorer_id}/versions/{version_number}/health-scores':
      return {
        path: `/v2/scorers/${p.scorer_id}/health-scores?dataset_id=${res.body.dataset_id}`,
        pick: (body) => body.scores?.find((entry: { id: string }) => entry.id === id),
      };
    case 'POST /v2/users/api_keys':
      return {
        path: `/v2/users/${userOf(request.caller)}/api_keys?limit=1000`,
        pick: (body) => body.api_keys?.find((k: { id: string }) => k.id === id),
      };
    case 'DELETE /v2/users/api_keys/{api_key_id}':
      return {
        path: `/v2/users/${userOf(request.caller)}/api_keys?limit=1000`,
        pick: (body) => body.api_keys?.find((k: { id: string }) => k.id === p.api_key_id),
        gone: true,
      };
    case 'POST /v2/projects':
      return { path: `/v2/projects/${id}` };
    case 'POST /v2/projects/{project_id}/log_streams':
      return {
        path: `/v2/projects/${p.project_id}/log_streams`,
        pick: (body) => body.find?.((stream: { id: string }) => stream.id === id),
      };
    case 'POST /api/evaluators/':
      return { path: `/api/evaluators/${id}/` };
    case 'PATCH /api/evaluators/{id}/':
      return { path: `/api/evaluators/${p.id}/` };
    case 'DELETE /api/evaluators/{id}/':
      return { path: `/api/evaluators/${p.id}/`, gone: true };
    case 'POST /api/scores/':
      return { path: `/api/scores/${id}/` };
    case 'PUT /api/scores/{id}/':
    case 'PATCH /api/scores/{id}/':
      return { path: `/api/scores/${p.id}/` };
    case 'DELETE /api/scores/{id}/':
      return { path: `/api/scores/${p.id}/`, gone: true };
    case 'POST /api/logs/{log_id}/scores/':
      return { path: `/api/logs/${segment(p.log_id)}/scores/${id}/` };
    case 'PUT /api/logs/{log_id}/scores/{score_id}/':
    case 'PATCH /api/logs/{log_id}/scores/{score_id}/':
      return { path: `/api/logs/${segment(p.log_id)}/scores/${p.score_id}/` };
    case 'DELETE /api/logs/{log_id}/scores/{score_id}/':
      return { path: `/api/logs/${segment(p.log_id)}/scores/${p.score_id}/`, gone: true };
    default:
      return null;
  }
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

type Schema = Record<string, any>;

/**
 * What a server that applies its schema's defaults stores for `sent` (as pydantic does): nested objects
 * gain the properties they left out that declare a default.
 */
export function withDefaults(sent: unknown, schema: Schema | undefined, components: Record<string, Schema>, depth = 0): unknown {
  if (!schema || depth > 8 || sent === null || typeof sent !== 'object') return sent;
  if (schema.$ref) return withDefaults(sent, components[schema.$ref.split('/').pop()], components, depth + 1);
  const variant = (schema.anyOf ?? schema.oneOf ?? []).find((s: Schema) => s.$ref || s.type === 'object' || s.type === 'array');
  if (variant) return withDefaults(sent, variant, components, depth + 1);
  if (Array.isArray(sent)) return sent.map((item) => withDefaults(item, schema.items, components, depth + 1));
  const filled: Record<string, unknown> = { ...(sent as Record<string, unknown>) };
  for (const [key, property] of Object.entries<Schema>(schema.properties ?? {})) {
    if (Object.hasOwn(filled, key)) filled[key] = withDefaults(filled[key], property, components, depth + 1);
    else if (depth > 0 && 'default' in property) filled[key] = property.default;
  }
  return filled;
}

/** Equal scalars: date-times compared as instants (the server answers in UTC with milliseconds), bigints by value. */
function sameScalar(sent: unknown, stored: unknown): boolean {
  if (typeof sent === 'string' && typeof stored === 'string' && ISO_DATE_TIME.test(sent) && ISO_DATE_TIME.test(stored)) {
    const withZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(sent) ? sent : `${sent}Z`;
    return Date.parse(withZone.replace(' ', 'T')) === Date.parse(stored);
  }
  return Object.is(sent, stored) || (sent === 0 && stored === 0);
}

/** Equal as JSON, at any depth (no recursion: 5,000 levels are compared too); own keys such as `__proto__` included. */
export function sameValue(sent: unknown, stored: unknown): boolean {
  const pending: [unknown, unknown][] = [[sent, stored]];
  while (pending.length) {
    const [x, y] = pending.pop()!;
    if (Array.isArray(x)) {
      if (!Array.isArray(y) || x.length !== y.length) return false;
      x.forEach((item, i) => pending.push([item, y[i]]));
    } else if (x && typeof x === 'object') {
      if (!y || typeof y !== 'object' || Array.isArray(y)) return false;
      const keys = Object.keys(x);
      if (keys.length !== Object.keys(y).length) return false;
      for (const key of keys) {
        if (!Object.prototype.hasOwnProperty.call(y, key)) return false;
        pending.push([(x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key]]);
      }
    } else if (!sameScalar(x, y)) return false;
  }
  return true;
}

/** The keys whose stored value differs from the response of the write, or from what was sent (own keys only: `constructor` is a key like any other). */
export function differences(sent: unknown, written: unknown, stored: unknown, ignored: ReadonlySet<string>): string[] {
  const found: string[] = [];
  if (written && typeof written === 'object' && stored && typeof stored === 'object') {
    for (const [k, value] of Object.entries(written)) {
      if (Object.hasOwn(stored, k) && !ignored.has(`written:${k}`) && !sameValue(value, (stored as any)[k]))
        found.push(`${k}: answered ${toJsonText(value)}, reads ${toJsonText((stored as any)[k])}`);
    }
  }
  if (sent && typeof sent === 'object' && !Array.isArray(sent) && stored && typeof stored === 'object') {
    for (const [k, value] of Object.entries(sent)) {
      if (Object.hasOwn(stored, k) && !ignored.has(k) && !sameValue(value, (stored as any)[k]))
        found.push(`${k}: sent ${toJsonText(value)}, reads ${toJsonText((stored as any)[k])}`);
    }
  }
  return found;
}

/** Fields a write does not store as sent, by design: computed by the server, or secrets. */
const SERVER_SIDE = ['is_passed', 'password'];
/** Galileo's API-key project fields: accepted, not modelled (src/identity/dto/api-key.dto.ts). */
const KEY_PROJECT_FIELDS = ['project_id', 'project_role'];

const galileoFamily = (template: string): boolean => !template.startsWith('/api/');

/**
 * The sent fields a read-back must show unchanged: those the request schema declares (others are
 * ignored, as DRF and pydantic do), less the documented exceptions: fields the document marks "not
 * modelled", server-side ones, a null that means "the default" on create or "unchanged" on a Galileo
 * PATCH, an empty `evaluator_id`, and on log-scoped routes `log_id` and `scorer` (the path and the
 * caller decide them).
 */
export function ignoredFor(operation: Operation, sent: unknown, schemas: Record<string, Schema>): Set<string> {
  const schema = operation.body?.schema?.$ref ? schemas[operation.body.schema.$ref.split('/').pop()] : operation.body?.schema;
  const properties: Record<string, Schema> = schema?.properties ?? {};
  const ignored = new Set<string>([...SERVER_SIDE, ...KEY_PROJECT_FIELDS]);
  if (sent && typeof sent === 'object') for (const key of Object.keys(sent)) if (!Object.hasOwn(properties, key)) ignored.add(key);
  for (const [key, property] of Object.entries(properties)) {
    const value = (sent as Record<string, unknown> | undefined)?.[key];
    if (/not modelled/i.test(property.description ?? '')) ignored.add(key);
    // A null for text documented with the default "" means "none", which reads back "" (contract §8).
    if (value === null && property.default === '') ignored.add(key);
    if (value === null && (operation.method === 'patch' ? galileoFamily(operation.template) : 'default' in property || key === 'id'))
      ignored.add(key);
  }
  if (operation.template.startsWith('/api/logs/')) ['log_id', 'scorer'].forEach((key) => ignored.add(key));
  // An empty evaluator_id names no evaluator (the slug does): it reads back null.
  if ((sent as Record<string, unknown> | undefined)?.evaluator_id === '') ignored.add('evaluator_id');
  return ignored;
}

/** What reading back needs: a way to call the server as a caller, and the document's schemas. */
export interface ReadBackContext {
  call(request: { method: string; path: string; headers: Record<string, string> }): Promise<HttpResult>;
  headersOf(caller: FuzzRequest['caller']): Record<string, string>;
  userOf: UserOf;
  schemas: Record<string, Schema>;
}

/**
 * Reads back what an accepted write stored. `checked` is false when the operation stores nothing to
 * read; `problem` says how the stored value differs from what was sent (numbers beyond ±2^53 and keys
 * such as `__proto__` compared exactly).
 */
export async function verifyReadBack(
  context: ReadBackContext,
  operation: Operation,
  request: FuzzRequest,
  res: HttpResult,
): Promise<{ checked: boolean; problem: string | null }> {
  const written = tryParseExact(res.text);
  const readBack = readBackOf(operation.method, operation.template, request, { ...res, body: written }, context.userOf);
  if (!readBack) return { checked: false, problem: null };
  const read = await context.call({ method: 'get', path: readBack.path, headers: context.headersOf(request.caller) });
  const body = tryParseExact(read.text);
  if (readBack.gone) {
    const item = readBack.pick && read.status === 200 ? readBack.pick(body) : undefined;
    const stillThere = readBack.pick ? item !== undefined : read.status !== 404;
    return { checked: true, problem: stillThere ? `deleted, yet ${readBack.path} answers ${read.status}` : null };
  }
  if (read.status !== 200)
    return { checked: true, problem: `accepted, yet ${readBack.path} answers ${read.status} ${read.text.slice(0, 300)}` };
  const stored = readBack.pick ? readBack.pick(body) : body;
  if (stored === undefined) return { checked: true, problem: `accepted, yet missing from ${readBack.path}` };
  const sent = withDefaults(request.sent, operation.body?.schema, context.schemas);
  const diff = differences(sent, written, stored, ignoredFor(operation, request.sent, context.schemas));
  return { checked: true, problem: diff.length ? `does not read back as sent:\n${diff.map(shorten).join('\n')}` : null };
}

/** A difference line, with long values cut so that a report stays readable. */
const shorten = (line: string): string => (line.length > 400 ? `${line.slice(0, 200)}…(${line.length} chars)…${line.slice(-100)}` : line);
