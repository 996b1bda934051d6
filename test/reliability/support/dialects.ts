import type { HttpResult } from './http';

export type Family = 'galileo' | 'respan';

export const familyOf = (path: string): Family =>
  path === '/api' || path.startsWith('/api/') || path.startsWith('/api?') ? 'respan' : 'galileo';

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isDetail = (body: unknown): boolean =>
  !!body && typeof body === 'object' && Object.keys(body).length === 1 && isText((body as any).detail);

function isFastApiIssue(issue: any): boolean {
  return (
    !!issue &&
    isText(issue.type) &&
    Array.isArray(issue.loc) &&
    issue.loc.every((part: unknown) => typeof part === 'string' || typeof part === 'number') &&
    isText(issue.msg) &&
    'input' in issue
  );
}

/** DRF field errors: every leaf a non-empty list of messages, nested by field. */
function isDrfFieldErrors(node: unknown): boolean {
  if (!node || typeof node !== 'object' || Array.isArray(node) || Object.keys(node).length === 0) return false;
  return Object.values(node).every((value) => (Array.isArray(value) ? value.length > 0 && value.every(isText) : isDrfFieldErrors(value)));
}

/** An atomic score batch refused for an invalid item: its per-item results (contract §9), not an error body. */
const isBatchRejection = (body: any): boolean =>
  !!body &&
  Object.keys(body).sort().join() === 'created,failed,results' &&
  Array.isArray(body.results) &&
  body.results.every((result: any) => Number.isInteger(result?.index) && Number.isInteger(result?.status));

/**
 * Why an error response is not in its family's dialect (contract §5), or null when it is: FastAPI
 * 422 `{"detail": [issues]}` and `{"detail": "..."}`; DRF 400 field errors, `{"error"}` or `{"detail"}`,
 * or an atomic batch's results, and `{"detail": "..."}` otherwise. Retry-After on 429 and 503, WWW-Authenticate on 401.
 */
export function dialectViolation(family: Family, res: HttpResult): string | null {
  if (res.status < 400) return null;
  if (!String(res.headers['content-type'] ?? '').startsWith('application/json')) return `content-type ${res.headers['content-type']}`;
  if (!res.headers['x-request-id']) return 'no X-Request-Id';
  if ((res.status === 429 || res.status === 503) && !/^\d+$/.test(String(res.headers['retry-after']))) return 'no Retry-After';
  if (res.status === 401 && !res.headers['www-authenticate']) return 'no WWW-Authenticate';
  const body = res.body;
  if (family === 'galileo') {
    if (res.status === 422) {
      return Array.isArray(body?.detail) && body.detail.length > 0 && body.detail.every(isFastApiIssue) && Object.keys(body).length === 1
        ? null
        : 'a 422 that is not {"detail": [{type, loc, msg, input}]}';
    }
    return isDetail(body) ? null : `a ${res.status} that is not {"detail": "..."}`;
  }
  if (res.status === 400) {
    const shaped =
      isDetail(body) ||
      (Object.keys(body ?? {}).length === 1 && isText(body?.error)) ||
      (isDrfFieldErrors(body) && !('statusCode' in body)) ||
      isBatchRejection(body);
    return shaped ? null : 'a 400 that is neither field errors, {"error"} nor {"detail"}';
  }
  return isDetail(body) ? null : `a ${res.status} that is not {"detail": "..."}`;
}
