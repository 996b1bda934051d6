import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { AuthenticationRequiredException } from '../../common/errors/api-exceptions';
import { GALILEO_API_KEY_HEADER } from '../../common/openapi/security-schemes';
import type { Principal } from '../principal';
import { API_KEY_HEADER_STRATEGY } from '../strategies/api-key-header.strategy';
import { BASIC_STRATEGY } from '../strategies/basic.strategy';
import { BEARER_STRATEGY } from '../strategies/bearer.strategy';
import { authorizationScheme } from '../strategies/authorization-header';

type Headers = Record<string, string | string[] | undefined>;

/**
 * Tries the family's strategies in order. No credential the family accepts → 401 "missing"; a
 * credential that does not verify → 401 "invalid". Other errors (the database down) pass through.
 */
function familyGuard(strategies: string[], challenge: string, presented: (headers: Headers) => boolean) {
  @Injectable()
  class RouteFamilyAuthGuard extends AuthGuard(strategies) {
    override canActivate(context: ExecutionContext) {
      const request = context.switchToHttp().getRequest<{ headers: Headers }>();
      if (!presented(request.headers)) throw new AuthenticationRequiredException('missing', challenge);
      return super.canActivate(context);
    }

    override handleRequest<T = Principal>(error: unknown, principal: T | false): T {
      if (error) throw error;
      if (!principal) throw new AuthenticationRequiredException('invalid', challenge);
      return principal;
    }
  }
  return RouteFamilyAuthGuard;
}

/** Galileo routes: `Galileo-API-Key`, `Authorization: Bearer` (JWT or API key) or HTTP Basic. */
export const GalileoAuthGuard = familyGuard(
  [API_KEY_HEADER_STRATEGY, BEARER_STRATEGY, BASIC_STRATEGY],
  'Bearer',
  (headers) =>
    typeof headers[GALILEO_API_KEY_HEADER.toLowerCase()] === 'string' || ['bearer', 'basic'].includes(authorizationScheme(headers) ?? ''),
);

/** Respan routes: `Authorization: Bearer <API key or JWT>`. */
export const RespanAuthGuard = familyGuard([BEARER_STRATEGY], 'Bearer realm="api"', (headers) => authorizationScheme(headers) === 'bearer');
