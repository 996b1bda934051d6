/** Headers that authenticate an API key on both route families. */
export const authHeaders = (apiKey: string): Record<string, string> => ({
  authorization: `Bearer ${apiKey}`,
  'galileo-api-key': apiKey,
  'content-type': 'application/json',
});

/** One JSON call; a status other than the expected one is an error naming the route. */
export async function call<T>(baseUrl: string, apiKey: string, method: string, path: string, body?: unknown, expected = 200): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: authHeaders(apiKey),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== expected) throw new Error(`${method} ${path} answered ${response.status} (expected ${expected}): ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}
