/** An error response as a dialect writes it. */
export interface RenderedError {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** The `Retry-After` header for a wait of `seconds` (at least one second), when known. */
export const retryAfter = (seconds?: number): Record<string, string> | undefined =>
  seconds === undefined ? undefined : { 'retry-after': String(Math.max(1, Math.ceil(seconds))) };
