import { Agent, type IncomingHttpHeaders, request } from 'node:http';

export interface HttpResult {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The parsed body; undefined when it is not JSON. */
  body: any;
  ms: number;
}

export interface HttpRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or Buffer as is. */
  body?: unknown;
  timeoutMs?: number;
  agent?: Agent;
}

/** A keep-alive agent holding up to `sockets` connections. */
export const keepAlive = (sockets: number): Agent => new Agent({ keepAlive: true, maxSockets: sockets });

/**
 * One HTTP request with node:http (no retries, raw bodies allowed). Network failures reject with the
 * socket error (`code` ECONNREFUSED, ECONNRESET, …); `timeoutMs` rejects with code ETIMEDOUT.
 */
export function send(baseUrl: string, options: HttpRequest): Promise<HttpResult> {
  // The path goes out as given: no URL object, which would resolve `.` and `..` segments.
  const { hostname, port } = new URL(baseUrl);
  const payload =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string' || Buffer.isBuffer(options.body)
        ? options.body
        : JSON.stringify(options.body);
  const headers: Record<string, string | number> = { ...options.headers };
  if (payload !== undefined) {
    headers['content-length'] = Buffer.byteLength(payload);
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  }
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port,
        path: options.path,
        method: options.method.toUpperCase(),
        headers,
        agent: options.agent ?? false,
        timeout: options.timeoutMs ?? 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown;
          try {
            body = text ? JSON.parse(text) : undefined;
          } catch {
            body = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body, ms: Date.now() - started });
        });
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer within ${options.timeoutMs} ms`), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end(payload);
  });
}

/** The error code of a failed request (`ECONNRESET`, …), or its message. */
export const failureOf = (error: unknown): string => (error as { code?: string }).code ?? String((error as Error).message ?? error);
