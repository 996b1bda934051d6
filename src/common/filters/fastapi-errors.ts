import type { ApiError } from './api-error';
import { type RenderedError, retryAfter } from './rendered-error';

const detail = (status: number, text: string, headers?: Record<string, string>): RenderedError => ({
  status,
  body: { detail: text },
  ...(headers ? { headers } : {}),
});

/** FastAPI's shapes: 422 `{"detail": [{type, loc, msg, input}]}`, `{"detail": "..."}` otherwise. */
export function renderFastApiError(error: ApiError): RenderedError {
  switch (error.kind) {
    case 'validation':
      return {
        status: 422,
        body: {
          detail: error.issues.map(({ type, loc, msg, input, ctx }) => ({ type, loc, msg, input: input ?? null, ...(ctx ? { ctx } : {}) })),
        },
      };
    case 'malformed_json':
      return {
        status: 422,
        body: {
          detail: [
            { type: 'json_invalid', loc: ['body', error.position], msg: 'JSON decode error', input: {}, ctx: { error: error.reason } },
          ],
        },
      };
    case 'unauthenticated':
      return detail(401, error.detail ?? 'Not authenticated', { 'www-authenticate': error.challenge });
    case 'not_found':
      return detail(404, error.detail ?? `${error.resource ?? 'Resource'} not found`);
    case 'unknown_route':
      return detail(404, 'Not Found');
    case 'rule':
      return detail(error.status, error.message);
    case 'too_large':
      return detail(413, 'Request body is larger than the 1 MiB limit');
    case 'unsupported_media_type':
      // FastAPI validates a body it could not read as JSON as the raw bytes: not a dictionary.
      return {
        status: 422,
        body: {
          detail: [
            {
              type: 'model_attributes_type',
              loc: ['body'],
              msg: 'Input should be a valid dictionary or object to extract fields from',
              input: null,
            },
          ],
        },
      };
    case 'throttled':
      return detail(429, 'Too Many Requests', retryAfter(error.retryAfterSeconds));
    case 'unavailable':
      return detail(503, error.message);
    case 'http':
      return detail(error.status, error.message);
    case 'internal':
      return detail(500, 'Internal Server Error');
  }
}
