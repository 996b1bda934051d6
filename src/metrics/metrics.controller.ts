import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Registry } from 'prom-client';
import { AppConfig } from '../config/app-config';

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** `GET /metrics`: Prometheus' text format; with METRICS_TOKEN set, only for `Authorization: Bearer <token>`. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(Registry) private readonly registry: Registry,
    private readonly config: AppConfig,
  ) {}

  @Get()
  async scrape(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const token = this.config.metrics.token;
    if (token) {
      const [scheme, given] = (request.headers.authorization ?? '').split(' ', 2);
      if (scheme?.toLowerCase() !== 'bearer' || !given || !sameSecret(given, token)) {
        await reply
          .code(401)
          .header('WWW-Authenticate', 'Bearer realm="metrics"')
          .type('text/plain; charset=utf-8')
          .send('A bearer token (METRICS_TOKEN) is required.\n');
        return;
      }
    }
    const body = await this.registry.metrics();
    await reply.code(200).header('Cache-Control', 'no-store').type(this.registry.contentType).send(body);
  }
}
