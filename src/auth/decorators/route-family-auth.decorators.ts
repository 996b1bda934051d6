import { UseGuards, applyDecorators } from '@nestjs/common';
import { ApiBasicAuth, ApiBearerAuth, ApiOAuth2, ApiSecurity } from '@nestjs/swagger';
import { MediaTypeCheckedByRoute, RouteMediaTypeGuard } from '../../common/http/media-type.guard';
import { SECURITY } from '../../common/openapi/security-schemes';
import { PrincipalRateLimitGuard } from '../../rate-limits/rate-limit.guards';
import { GalileoAuthGuard, RespanAuthGuard } from '../guards/route-family-auth.guard';

/** Galileo route family: the guards (authentication, the per-key rate limit, then the body's media type) and, from the same place, the operations' security requirements. */
export const GalileoAuth = () =>
  applyDecorators(
    UseGuards(GalileoAuthGuard, PrincipalRateLimitGuard, RouteMediaTypeGuard),
    MediaTypeCheckedByRoute(),
    ApiSecurity(SECURITY.galileoApiKey),
    ApiOAuth2([], SECURITY.galileoOAuth2),
    ApiBasicAuth(SECURITY.galileoBasic),
  );

/** Respan route family: bearer API key or dashboard JWT. */
export const RespanAuth = () =>
  applyDecorators(
    UseGuards(RespanAuthGuard, PrincipalRateLimitGuard, RouteMediaTypeGuard),
    MediaTypeCheckedByRoute(),
    ApiBearerAuth(SECURITY.respanApiKey),
    ApiBearerAuth(SECURITY.respanJwt),
  );
