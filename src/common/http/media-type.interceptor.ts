import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, UnsupportedMediaTypeException } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DECORATORS } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { isMultipartRequest } from './multipart';

const JSON_ONLY = ['application/json'];

/** The media types a route's body may have: what its `@ApiConsumes` documents, JSON otherwise. */
function acceptedMediaTypes(context: ExecutionContext): string[] {
  const declared = (Reflect.getMetadata(DECORATORS.API_CONSUMES, context.getHandler()) ??
    Reflect.getMetadata(DECORATORS.API_CONSUMES, context.getClass())) as string[] | undefined;
  return declared?.map((type) => type.toLowerCase()) ?? JSON_ONLY;
}

function takesBody(context: ExecutionContext): boolean {
  const parameters = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ?? {}) as object;
  return Object.keys(parameters).some((key) => key.startsWith(`${RouteParamtypes.BODY}:`));
}

/**
 * A route reads its body only in the media types it documents: a form-encoded or multipart body sent
 * to a JSON route (a cross-site form can send one) is refused, 415 in DRF's dialect and 422 in FastAPI's.
 * Runs after the guards, as both frameworks authenticate before they look at the body.
 */
@Injectable()
export class MediaTypeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if ((request.body !== undefined || isMultipartRequest(request)) && takesBody(context)) {
      const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (!acceptedMediaTypes(context).includes(mediaType)) throw new UnsupportedMediaTypeException();
    }
    return next.handle();
  }
}
