import { UseGuards, applyDecorators } from '@nestjs/common';
import { ApiBasicAuth, ApiBearerAuth, ApiOAuth2, ApiSecurity } from '@nestjs/swagger';
import { SECURITY } from '../../common/openapi/security-schemes';
import { PrincipalRateLimitGuard } from '../../rate-limits/rate-limit.guards';
import { GalileoAuthGuard, RespanAuthGuard } from '../guards/route-family-auth.guard';

/** Galileo route family: the guards (authentication, then the per-key rate limit) and, from the same place, the operations' security requirements. */
export const GalileoAuth = () =>
  applyDecorators(
    UseGuards(GalileoAuthGuard, PrincipalRateLimitGuard),
    ApiSecurity(SECURITY.galileoApiKey),
    ApiOAuth2([], SECURITY.galileoOAuth2),
    ApiBasicAuth(SECURITY.galileoBasic),
  );

/** Respan route family: bearer API key or dashboard JWT. */
export const RespanAuth = () =>
  applyDecorators(
    UseGuards(RespanAuthGuard, PrincipalRateLimitGuard),
    ApiBearerAuth(SECURITY.respanApiKey),
    ApiBearerAuth(SECURITY.respanJwt),
  );
