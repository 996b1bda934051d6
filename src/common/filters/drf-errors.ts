import type { ValidationIssue } from '../errors/validation-issue';
import type { ApiError } from './api-error';
import { type RenderedError, retryAfter } from './rendered-error';

type FieldErrors = { [field: string]: string[] | FieldErrors };

/**
 * DRF nests errors by field: `{"filters": {"x": {"operator": ["..."]}}}`; root problems are `non_field_errors`.
 * Nodes have no prototype, so that a field named `__proto__` is a key like any other.
 */
export function drfFieldErrors(issues: ValidationIssue[]): FieldErrors {
  const errors: FieldErrors = Object.create(null);
  for (const issue of issues) {
    const path = issue.loc.slice(1).map(String);
    if (path.length === 0) path.push('non_field_errors');
    let node = errors;
    for (const key of path.slice(0, -1)) {
      const next = node[key];
      node = next && !Array.isArray(next) ? next : (node[key] = Object.create(null));
    }
    const leaf = path[path.length - 1];
    const existing = node[leaf];
    const messages = Array.isArray(existing) ? existing : (node[leaf] = []);
    messages.push(issue.drfMsg ?? issue.msg);
  }
  return errors;
}

const detail = (status: number, text: string, headers?: Record<string, string>): RenderedError => ({
  status,
  body: { detail: text },
  ...(headers ? { headers } : {}),
});

/** Django REST Framework's shapes: 400 `{"field": ["msg"]}`, `{"error": ...}` for rules, `{"detail": ...}` otherwise. */
export function renderDrfError(error: ApiError): RenderedError {
  switch (error.kind) {
    case 'validation':
      return { status: 400, body: drfFieldErrors(error.issues) };
    case 'malformed_json':
      return detail(400, `JSON parse error - ${error.reason}`);
    case 'unauthenticated':
      return detail(401, error.reason === 'missing' ? 'Authentication credentials were not provided.' : 'Invalid token.', {
        'www-authenticate': error.challenge,
      });
    case 'not_found':
      return detail(404, error.resource === 'Page' ? 'Invalid page.' : 'Not found.');
    case 'unknown_route':
      return detail(404, 'Not found.');
    case 'rule':
      return { status: error.status, body: { error: error.message } };
    case 'too_large':
      return detail(413, 'Request body is larger than the 1 MiB limit.');
    case 'unsupported_media_type':
      return detail(415, `Unsupported media type "${error.contentType}" in request.`);
    case 'throttled':
      return detail(
        429,
        error.retryAfterSeconds === undefined
          ? 'Request was throttled.'
          : `Request was throttled. Expected available in ${Math.max(1, Math.ceil(error.retryAfterSeconds))} seconds.`,
        retryAfter(error.retryAfterSeconds),
      );
    case 'unavailable':
      return detail(503, error.message);
    case 'http':
      return detail(error.status, error.message);
    case 'internal':
      return detail(500, 'A server error occurred.');
  }
}
