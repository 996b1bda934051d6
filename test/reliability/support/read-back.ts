import { type FuzzRequest, segment } from './fuzz-requests';
import type { HttpResult } from './http';

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
    if (key in filled) filled[key] = withDefaults(filled[key], property, components, depth + 1);
    else if (depth > 0 && 'default' in property) filled[key] = property.default;
  }
  return filled;
}

/** Equal as JSON, date-times compared as instants (the server answers in UTC with milliseconds). */
export function sameValue(sent: unknown, stored: unknown): boolean {
  if (typeof sent === 'string' && typeof stored === 'string' && ISO_DATE_TIME.test(sent) && ISO_DATE_TIME.test(stored)) {
    const withZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(sent) ? sent : `${sent}Z`;
    return Date.parse(withZone.replace(' ', 'T')) === Date.parse(stored);
  }
  if (Array.isArray(sent))
    return Array.isArray(stored) && sent.length === stored.length && sent.every((item, i) => sameValue(item, stored[i]));
  if (sent && typeof sent === 'object') {
    if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return false;
    const keys = Object.keys(sent);
    return keys.length === Object.keys(stored).length && keys.every((k) => k in stored && sameValue((sent as any)[k], (stored as any)[k]));
  }
  return Object.is(sent, stored) || (sent === 0 && stored === 0);
}

/** The keys whose stored value differs from the response of the write, or from what was sent. */
export function differences(sent: unknown, written: unknown, stored: unknown, ignored: ReadonlySet<string>): string[] {
  const found: string[] = [];
  if (written && typeof written === 'object' && stored && typeof stored === 'object') {
    for (const [k, value] of Object.entries(written)) {
      if (k in stored && !ignored.has(`written:${k}`) && !sameValue(value, (stored as any)[k]))
        found.push(`${k}: answered ${JSON.stringify(value)}, reads ${JSON.stringify((stored as any)[k])}`);
    }
  }
  if (sent && typeof sent === 'object' && !Array.isArray(sent) && stored && typeof stored === 'object') {
    for (const [k, value] of Object.entries(sent)) {
      if (k in stored && !ignored.has(k) && !sameValue(value, (stored as any)[k]))
        found.push(`${k}: sent ${JSON.stringify(value)}, reads ${JSON.stringify((stored as any)[k])}`);
    }
  }
  return found;
}
