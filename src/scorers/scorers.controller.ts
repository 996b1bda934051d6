import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { GalileoAuth } from '../auth/decorators/route-family-auth.decorators';
import type { Principal } from '../auth/principal';
import { GalileoOperation } from '../common/openapi/galileo-operation.decorator';
import { galileoPage } from '../common/paging/galileo-page';
import { ListScorersQuery, ListScorersRequest, ListScorersResponse, GetScorerQuery } from './dto/list-scorers.dto';
import { CreateScorerRequest, DeleteScorerResponse, ScorerResponse, UpdateScorerRequest } from './dto/scorer.dto';
import { ScorerIdParams } from './dto/scorer-version.dto';
import { GalileoScorersService } from './galileo-scorers.service';
import { toScorerResponse } from './scorer.mapper';
import { ReplicaReads } from '../database/replicas/replica-reads.decorator';

export const GALILEO_SCORER_TAGS = ['data', 'prompts', 'rows'];

@Controller('v2/scorers')
@ApiTags(...GALILEO_SCORER_TAGS)
@GalileoAuth()
@ReplicaReads()
export class ScorersController {
  constructor(private readonly scorers: GalileoScorersService) {}

  @Post()
  @GalileoOperation({ operationId: 'create_v2_scorers_post', summary: 'Create', response: ScorerResponse })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateScorerRequest): Promise<ScorerResponse> {
    return toScorerResponse(await this.scorers.create(principal.organizationId, principal.userId, body));
  }

  @Post('list')
  @ReplicaReads()
  @GalileoOperation({
    operationId: 'list_scorers_with_filters_v2_scorers_list_post',
    summary: 'List Scorers With Filters',
    response: ListScorersResponse,
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListScorersQuery,
    @Body() body: ListScorersRequest,
  ): Promise<ListScorersResponse> {
    const { views, more } = await this.scorers.list(principal.organizationId, body, query);
    return { ...galileoPage(query, more), scorers: views.map(toScorerResponse) };
  }

  @Get('tags')
  @GalileoOperation({
    operationId: 'list_tags_v2_scorers_tags_get',
    summary: 'List Tags',
    response: { items: { type: 'string' }, type: 'array', title: 'Response List Tags V2 Scorers Tags Get' },
    validatesInput: false,
  })
  tags(@CurrentPrincipal() principal: Principal): Promise<string[]> {
    return this.scorers.tags(principal.organizationId);
  }

  @Get(':scorer_id')
  @GalileoOperation({ operationId: 'get_scorer_v2_scorers__scorer_id__get', summary: 'Get Scorer', response: ScorerResponse })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ScorerIdParams,
    @Query() _query: GetScorerQuery,
  ): Promise<ScorerResponse> {
    return toScorerResponse(await this.scorers.get(principal.organizationId, params.scorer_id));
  }

  @Patch(':scorer_id')
  @GalileoOperation({ operationId: 'update_v2_scorers__scorer_id__patch', summary: 'Update', response: ScorerResponse })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ScorerIdParams,
    @Body() body: UpdateScorerRequest,
  ): Promise<ScorerResponse> {
    return toScorerResponse(await this.scorers.update(principal.organizationId, params.scorer_id, body));
  }

  @Delete(':scorer_id')
  @GalileoOperation({
    operationId: 'delete_scorer_v2_scorers__scorer_id__delete',
    summary: 'Delete Scorer',
    response: DeleteScorerResponse,
  })
  async delete(@CurrentPrincipal() principal: Principal, @Param() params: ScorerIdParams): Promise<DeleteScorerResponse> {
    await this.scorers.delete(principal.organizationId, params.scorer_id);
    return { message: `Scorer ${params.scorer_id} deleted` };
  }
}
