import { ArgumentsHost, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type ApiError, toApiError } from './api-error';
import type { RenderedError } from './rendered-error';

const logger = new Logger('Exceptions');

/** Renders any exception in one error dialect; unexpected ones are logged with their stack. */
export abstract class DialectExceptionFilter implements ExceptionFilter {
  protected abstract render(error: ApiError): RenderedError;

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    this.reply(exception, request, reply);
  }

  reply(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
    const error = toApiError(exception, { method: request.method, contentType: request.headers['content-type'] });
    if (error.kind === 'internal') {
      logger.error({ err: exception, requestId: request.id, url: request.url, method: request.method }, 'Unhandled exception');
    } else if (error.kind === 'unavailable') {
      logger.warn({ err: exception, requestId: request.id }, 'Database unavailable');
    }
    const rendered = this.render(error);
    if (reply.sent) return;
    reply.status(rendered.status);
    for (const [name, value] of Object.entries(rendered.headers ?? {})) reply.header(name, value);
    if (error.kind === 'unavailable' && !reply.hasHeader('retry-after')) reply.header('retry-after', '1');
    void reply.send(rendered.body);
  }
}
