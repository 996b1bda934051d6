import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import { HealthCheckService } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { GalileoOperation } from '../common/openapi/galileo-operation.decorator';
import { PACKAGE_VERSION, GALILEO_API_VERSION } from '../common/version';
import { DatabaseHealthIndicator } from './database.health';
import { HealthcheckResponse } from './healthcheck.response';
import { CLIENT_THROTTLER } from '../rate-limits/rate-limit.guards';

@Controller()
@ApiTags('health')
/** Load balancers and orchestrators poll these. */
@SkipThrottle({ [CLIENT_THROTTLER]: true })
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
  ) {}

  @Get('healthcheck')
  @GalileoOperation({
    operationId: 'healthcheck_healthcheck_get',
    summary: 'Healthcheck',
    response: HealthcheckResponse,
    validatesInput: false,
  })
  healthcheck(): HealthcheckResponse {
    return { api_version: GALILEO_API_VERSION, message: 'ok', version: PACKAGE_VERSION };
  }

  /** The process is up and serving HTTP. */
  @Get('health/live')
  @ApiExcludeEndpoint()
  live() {
    return { status: 'ok' };
  }

  /** Ready to serve: the database answers. 503 otherwise, with the reason. */
  @Get('health/ready')
  @ApiExcludeEndpoint()
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      return await this.health.check([() => this.database.check()]);
    } catch (error) {
      void reply.status(503);
      return (error as { getResponse?: () => unknown }).getResponse?.() ?? { status: 'error' };
    }
  }
}
