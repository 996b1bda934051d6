import { type Parser, anyJson, galileoCoreToken, galileoCoreUser } from './sdk-parsing';

type Query = Record<string, string | number | boolean | undefined>;

export interface ReplayOptions {
  json?: unknown;
  /** `application/x-www-form-urlencoded` fields. */
  form?: Record<string, string>;
  /** `multipart/form-data` parts: text fields (repeated when a list) and files. */
  multipart?: { fields?: Record<string, string | string[]>; files?: Record<string, { name: string; content: string | Buffer }> };
  query?: Query;
}

/** Python's `json.dumps` (its default separators), for the strings the SDK builds from answers. */
export function pythonJsonDumps(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  if (value && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}: ${pythonJsonDumps(item)}`)
      .join(', ')}}`;
  return JSON.stringify(value);
}

/**
 * Sends what a vendor SDK sends, one request at a time, and applies that SDK's parsing to each answer:
 * anything but 200 raises (the generated `_parse_response` parses 200 only), then the body must pass
 * the model the SDK builds from it. `calls` records the sequence, for the tests to compare with the
 * vendor's.
 */
export class ReplayClient {
  readonly calls: string[] = [];
  private token?: string;

  constructor(
    private readonly baseUrl: string,
    private readonly sdkHeader: Record<string, string> = { 'X-Galileo-SDK': 'galileo-python/2.6.0' },
  ) {}

  async call<T = any>(method: string, path: string, options: ReplayOptions, parse: Parser): Promise<T> {
    const url = new URL(path.replace(/^\//, ''), `${this.baseUrl}/`);
    for (const [name, value] of Object.entries(options.query ?? {})) if (value !== undefined) url.searchParams.append(name, String(value));
    const headers: Record<string, string> = { ...this.sdkHeader, ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}) };
    let body: string | FormData | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    } else if (options.multipart) {
      const form = new FormData();
      for (const [name, value] of Object.entries(options.multipart.fields ?? {}))
        for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
      for (const [name, file] of Object.entries(options.multipart.files ?? {})) form.append(name, new Blob([file.content]), file.name);
      body = form;
    }
    const res = await fetch(url, { method, headers, body });
    const text = await res.text();
    this.calls.push(`${method} ${url.pathname}`);
    if (res.status !== 200)
      throw new Error(`${method} ${url.pathname}${url.search}: the SDK raises on status ${res.status}: ${text.slice(0, 500)}`);
    const parsed = text ? (JSON.parse(text) as unknown) : undefined;
    const problems = parse(parsed);
    if (problems.length)
      throw new Error(`${method} ${url.pathname}: the SDK cannot parse the answer: ${problems.join('; ')}\n${text.slice(0, 1000)}`);
    return parsed as T;
  }

  /**
   * galileo_core's `GalileoConfig` start-up: the API URL's healthcheck, a sign-in (`login/api_key` with
   * a key, the `login` form with a password), then `GET current_user` validated as `User`.
   */
  async start(credentials: { apiKey: string } | { username: string; password: string }): Promise<void> {
    await this.call('GET', 'healthcheck', {}, anyJson);
    const token =
      'apiKey' in credentials
        ? await this.call('POST', 'login/api_key', { json: { api_key: credentials.apiKey } }, galileoCoreToken)
        : await this.call(
            'POST',
            'login',
            { form: { username: credentials.username, password: credentials.password, auth_method: 'email' } },
            galileoCoreToken,
          );
    this.token = token.access_token;
    await this.call('GET', 'current_user', {}, galileoCoreUser);
  }

  /** Calls made so far, then forgets them. */
  take(): string[] {
    return this.calls.splice(0, this.calls.length);
  }
}
