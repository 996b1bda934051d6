/** Where an input value came from, as FastAPI names it in `loc`. */
export type InputLocation = 'body' | 'path' | 'query' | 'header';

/**
 * One invalid input, dialect-neutral. `type` and `msg` follow pydantic's vocabulary (FastAPI renders them
 * as they are); the DRF filter derives its own message from `type` and `ctx` unless `drfMsg` is given.
 */
export interface ValidationIssue {
  type: string;
  loc: (string | number)[];
  msg: string;
  input?: unknown;
  ctx?: Record<string, unknown>;
  drfMsg?: string;
}
