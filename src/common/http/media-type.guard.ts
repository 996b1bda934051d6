import { type CanActivate, type ExecutionContext, Injectable, SetMetadata, UnsupportedMediaTypeException } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DECORATORS } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { isMultipartRequest } from './multipart';

const JSON_ONLY = ['application/json'];
const CHECKED_BY_ROUTE = 'scorekeeper:media-type-checked-by-route';

/** What a route's handler says about bodies, read from its metadata once. */
interface RouteBody {
  /** The media types its body may have (what its `@ApiConsumes` documents, JSON otherwise); null when it takes no body. */
  accepted: string[] | null;
  /** The route's own guards check the media type (after authentication): the global guard leaves it to them. */
  checkedByRoute: boolean;
}

const routes = new WeakMap<Function, RouteBody>();

function routeBody(context: ExecutionContext): RouteBody {
  const handler = context.getHandler();
  let route = routes.get(handler);
  if (route) return route;
  const controller = context.getClass();
  const parameters = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler.name) ?? {}) as object;
  const takesBody = Object.keys(parameters).some((key) => key.startsWith(`${RouteParamtypes.BODY}:`));
  const declared = (Reflect.getMetadata(DECORATORS.API_CONSUMES, handler) ?? Reflect.getMetadata(DECORATORS.API_CONSUMES, controller)) as
    string[] | undefined;
  route = {
    accepted: takesBody ? (declared?.map((type) => type.toLowerCase()) ?? JSON_ONLY) : null,
    checkedByRoute: Reflect.getMetadata(CHECKED_BY_ROUTE, handler) === true || Reflect.getMetadata(CHECKED_BY_ROUTE, controller) === true,
  };
  routes.set(handler, route);
  return route;
}

/**
 * A route reads its body only in the media types it documents: a form-encoded or multipart body sent
 * to a JSON route (a cross-site form can send one) is refused, 415 in DRF's dialect and 422 in FastAPI's.
 */
function refuseUndocumentedMediaType(context: ExecutionContext, accepted: string[] | null): true {
  if (accepted === null) return true;
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  if (request.body === undefined && !isMultipartRequest(request)) return true;
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!accepted.includes(mediaType)) throw new UnsupportedMediaTypeException();
  return true;
}

/**
 * The media-type check as the last guard of an authenticated route (the route-family auth decorators
 * put it after authentication and the per-key limit), as both frameworks authenticate before they
 * look at the body. A guard rather than an interceptor: a global interceptor puts every request
 * through Nest's rxjs pipeline.
 */
@Injectable()
export class RouteMediaTypeGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    return refuseUndocumentedMediaType(context, routeBody(context).accepted);
  }
}

/** Marks the routes whose own guards end with `RouteMediaTypeGuard`. */
export const MediaTypeCheckedByRoute = () => SetMetadata(CHECKED_BY_ROUTE, true);

/** Global (after the per-address limit): the check of the routes without a route-family authentication. */
export class MediaTypeGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const route = routeBody(context);
    return route.checkedByRoute || refuseUndocumentedMediaType(context, route.accepted);
  }
}
