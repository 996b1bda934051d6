import { randomUUID } from 'node:crypto';
import { type TestApp, startTestApp } from '../../support/test-app';
import { type Tenant, createTenant } from '../../support/tenants';

/** One sample line of Prometheus' text format: a metric name, optional `{labels}`, a space, a number. */
const isSample = (line: string): boolean => {
  const space = line.lastIndexOf(' ');
  const [series, value] = [line.slice(0, space), line.slice(space + 1)];
  const brace = series.indexOf('{');
  const name = brace < 0 ? series : series.slice(0, brace);
  const labelsOk = brace < 0 || series.endsWith('}');
  const valueOk = ['NaN', '+Inf', '-Inf'].includes(value) || (value !== '' && Number.isFinite(Number(value)));
  return space > 0 && /^[a-zA-Z_:][\w:]*$/.test(name) && labelsOk && valueOk;
};

const samples = (text: string) => text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
const valueOf = (text: string, prefix: string): number | undefined => {
  const line = samples(text).find((sample) => sample.startsWith(prefix));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
};

describe('GET /metrics (Prometheus)', () => {
  describe('enabled, without a token', () => {
    let t: TestApp;
    let tenant: Tenant;

    beforeAll(async () => {
      t = await startTestApp();
      tenant = await createTenant(t.app);
    });
    afterAll(() => t.close());

    it('counts requests and their latency by route template and status, with the process and database figures', async () => {
      const id = randomUUID();
      for (let i = 0; i < 3; i++) expect((await t.http.get(`/api/scores/${id}/`).set(tenant.bearerKey)).status).toBe(404);
      expect((await t.http.get('/healthcheck')).status).toBe(200);
      expect((await t.http.get(`/no/such/${id}`)).status).toBe(404);

      const res = await t.http.get('/metrics');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
      const text = res.text;
      for (const line of samples(text)) expect({ line, valid: isSample(line) }).toEqual({ line, valid: true });

      expect(valueOf(text, 'http_requests_total{method="GET",route="/api/scores/:id",status="404"}')).toBe(3);
      expect(valueOf(text, 'http_requests_total{method="GET",route="/healthcheck",status="200"}')).toBe(1);
      expect(valueOf(text, 'http_requests_total{method="GET",route="(unmatched)",status="404"}')).toBe(1);
      expect(text).not.toContain(id);
      expect(valueOf(text, 'http_request_duration_seconds_count{method="GET",route="/api/scores/:id",status="404"}')).toBe(3);
      expect(valueOf(text, 'http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/api/scores/:id",status="404"}')).toBe(3);

      expect(valueOf(text, 'nodejs_eventloop_lag_seconds ')).toBeGreaterThanOrEqual(0);
      expect(valueOf(text, 'process_resident_memory_bytes ')).toBeGreaterThan(10 * 1024 * 1024);
      expect(valueOf(text, 'process_cpu_seconds_total ')).toBeGreaterThan(0);
      if (t.database.kind === 'postgres') {
        expect(valueOf(text, 'scorekeeper_db_pool_max ')).toBe(10);
        expect(valueOf(text, 'scorekeeper_db_pool_connections ')).toBeGreaterThanOrEqual(1);
        expect(valueOf(text, 'scorekeeper_db_pool_waiting ')).toBe(0);
        expect(valueOf(text, 'scorekeeper_db_pool_in_use ')).toBeGreaterThanOrEqual(0);
      } else {
        expect(valueOf(text, 'scorekeeper_db_pool_max ')).toBe(1);
      }
    });

    it('is not part of the API document', async () => {
      const document = (await t.http.get('/openapi.json')).body as { paths: Record<string, unknown> };
      expect(Object.keys(document.paths)).not.toContain('/metrics');
    });
  });

  describe('with METRICS_TOKEN', () => {
    let t: TestApp;
    const token = 'metrics-token-0123456789abcdef';

    beforeAll(async () => {
      t = await startTestApp({ env: { METRICS_TOKEN: token } });
    });
    afterAll(() => t.close());

    it('answers only a scrape with that bearer token', async () => {
      for (const authorization of [undefined, 'Bearer wrong-token-0123456789abcde', `Basic ${token}`, `Bearer ${token}x`]) {
        const request = t.http.get('/metrics');
        const res = authorization ? await request.set('Authorization', authorization) : await request;
        expect(res.status).toBe(401);
        expect(res.headers['www-authenticate']).toBe('Bearer realm="metrics"');
        expect(res.text).not.toContain('http_requests_total');
      }
      const res = await t.http.get('/metrics').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(200);
      expect(res.text).toContain('# TYPE http_requests_total counter');
    });
  });

  it('is absent with METRICS_ENABLED=false', async () => {
    const t = await startTestApp({ env: { METRICS_ENABLED: 'false' } });
    try {
      expect((await t.http.get('/metrics')).status).toBe(404);
    } finally {
      await t.close();
    }
  });
});
