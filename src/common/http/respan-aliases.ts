const ROOT_EVALUATORS = /^\/evaluators(?=[/?#]|$)/;

/**
 * Respan's Python SDK strips `/api` from its base URL and reads evaluators at the host root
 * (`GET /evaluators/`, `GET /evaluators/{id}`): those reads are routed to `/api/evaluators/...`, so they
 * are answered (in the DRF dialect) by the same handlers.
 */
export function canonicalRespanUrl(method: string | undefined, url: string): string {
  if ((method === 'GET' || method === 'HEAD') && ROOT_EVALUATORS.test(url)) return `/api${url}`;
  return url;
}
