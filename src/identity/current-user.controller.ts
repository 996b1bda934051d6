import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { GalileoAuth } from '../auth/decorators/route-family-auth.decorators';
import type { Principal } from '../auth/principal';
import { GalileoOperation } from '../common/openapi/galileo-operation.decorator';
import { CurrentUserService } from './current-user.service';
import { CurrentUserDB } from './dto/current-user.dto';
import { toCurrentUser } from './current-user.mapper';

/** Who the caller is (Galileo's Python SDK asks at every start-up). */
@Controller('v2/current_user')
@ApiTags('users')
@GalileoAuth()
export class CurrentUserController {
  constructor(private readonly currentUser: CurrentUserService) {}

  @Get()
  @GalileoOperation({
    operationId: 'current_user_v2_current_user_get',
    summary: 'Current User',
    response: CurrentUserDB,
    validatesInput: false,
  })
  async get(@CurrentPrincipal() principal: Principal): Promise<CurrentUserDB> {
    const { user, organization } = await this.currentUser.get(principal.organizationId, principal.userId);
    return toCurrentUser(user, organization);
  }
}
