import { galileoSchemas } from './response-schemas';

/** What openapi-fetch returns. */
interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * Asserts a typed-client answer's status and that its body conforms to the vendored Galileo schema of
 * that operation (for 200 and 422); returns the body.
 */
export function conforming<T extends Answer>(answer: T, path: string, method: string, status = 200): NonNullable<T['data']> {
  const body = answer.response.ok ? answer.data : answer.error;
  expect({ status: answer.response.status, body }).toMatchObject({ status });
  if (status === 200 || status === 422) expect(galileoSchemas.errors(path, method, status, body)).toEqual([]);
  return body as NonNullable<T['data']>;
}
