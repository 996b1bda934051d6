import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DrfExceptionFilter } from './drf-exception.filter';
import { FastApiExceptionFilter } from './fastapi-exception.filter';

/** `/api/...` is the Respan (DRF) family; every other path speaks FastAPI. */
export const isRespanPath = (url: string): boolean => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

/**
 * The global filter: errors raised before a route's own filter can run (unknown routes, body parsing,
 * size limits) are rendered by the dialect of the route family the path belongs to.
 */
@Catch()
export class RouteFamilyExceptionFilter implements ExceptionFilter {
  private readonly fastApi = new FastApiExceptionFilter();
  private readonly drf = new DrfExceptionFilter();

  catch(exception: unknown, host: ArgumentsHost): void {
    this.reply(exception, host.switchToHttp().getRequest<FastifyRequest>(), host.switchToHttp().getResponse<FastifyReply>());
  }

  /** Also for errors Fastify's router raises before Nest sees the request (see `frameworkErrors` in app.factory.ts). */
  reply(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
    (isRespanPath(request.url) ? this.drf : this.fastApi).reply(exception, request, reply);
  }
}
