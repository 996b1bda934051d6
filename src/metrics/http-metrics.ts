import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Histogram, type Registry } from 'prom-client';

/** Requests the router matched to no route share one label, so that unknown paths cannot grow the series. */
export const UNMATCHED_ROUTE = '(unmatched)';

const LABELS = ['method', 'route', 'status'] as const;

/** Seconds: from 5 ms to 10 s, around the service's targets (writes p99 30 ms, lists p50 15 ms). */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Counts every answered request and its latency, by method, route template (`/api/scores/:id`, never
 * the path with its ids) and status code.
 */
export function recordHttpMetrics(fastify: FastifyInstance, registry: Registry): void {
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route template and status code.',
    labelNames: LABELS,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving a request to sending its response, by method, route template and status code.',
    labelNames: LABELS,
    buckets: BUCKETS,
    registers: [registry],
  });
  fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const labels = { method: request.method, route: request.routeOptions.url ?? UNMATCHED_ROUTE, status: String(reply.statusCode) };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
    done();
  });
}
