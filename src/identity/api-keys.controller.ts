import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { GalileoAuth } from '../auth/decorators/route-family-auth.decorators';
import type { Principal } from '../auth/principal';
import { GalileoOperation } from '../common/openapi/galileo-operation.decorator';
import { galileoPage } from '../common/paging/galileo-page';
import { toApiKeyResponse } from './api-key.mapper';
import {
  ApiKeyDeleteResponse,
  ApiKeyParams,
  CreateApiKeyRequest,
  CreateApiKeyResponse,
  GalileoPageQuery,
  ListApiKeyResponse,
  UserApiKeysParams,
} from './dto/api-key.dto';
import { checkExpiry } from './identity-rules';
import { IdentityService } from './identity.service';

@Controller('v2/users')
@ApiTags('api_keys')
@GalileoAuth()
export class ApiKeysController {
  constructor(private readonly identity: IdentityService) {}

  @Post('api_keys')
  @GalileoOperation({ operationId: 'create_api_key_v2_users_api_keys_post', summary: 'Create Api Key', response: CreateApiKeyResponse })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateApiKeyRequest): Promise<CreateApiKeyResponse> {
    const expiresAt = body.expires_at ? new Date(body.expires_at) : null;
    checkExpiry(expiresAt, body.expires_at);
    const { apiKey, plainKey } = await this.identity.createApiKey(principal.organizationId, principal.userId, principal.userId, {
      description: body.description,
      expiresAt,
      key: body.api_key,
    });
    return { ...toApiKeyResponse(apiKey), api_key: plainKey };
  }

  @Get(':user_id/api_keys')
  @GalileoOperation({ operationId: 'get_api_keys_v2_users__user_id__api_keys_get', summary: 'Get Api Keys', response: ListApiKeyResponse })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param() params: UserApiKeysParams,
    @Query() page: GalileoPageQuery,
  ): Promise<ListApiKeyResponse> {
    const { keys, more } = await this.identity.listApiKeys(principal.organizationId, params.user_id, page.starting_token, page.limit);
    return { ...galileoPage(page, more), api_keys: keys.map(toApiKeyResponse) };
  }

  @Delete('api_keys/:api_key_id')
  @GalileoOperation({
    operationId: 'delete_api_key_v2_users_api_keys__api_key_id__delete',
    summary: 'Delete Api Key',
    response: ApiKeyDeleteResponse,
  })
  async delete(@CurrentPrincipal() principal: Principal, @Param() params: ApiKeyParams): Promise<ApiKeyDeleteResponse> {
    await this.identity.revokeApiKey(principal.organizationId, params.api_key_id);
    return { message: `API key ${params.api_key_id} deleted` };
  }
}
