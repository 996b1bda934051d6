import { Body, Controller, Delete, Get, Headers, Param, Patch, Post, Put, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { RespanAuth } from '../auth/decorators/route-family-auth.decorators';
import type { Principal } from '../auth/principal';
import { RespanOperation } from '../common/openapi/respan-operation.decorator';
import { DrfPageQuery, drfPage } from '../common/paging/drf-page';
import { FilteredScores, ScoreFilterQuery, ScoreFilterRequest, ScoreListQuery } from './dto/score-list.dto';
import { PaginatedScoreRevisions } from './dto/score-revision.dto';
import {
  CreateScoreRequest,
  PaginatedScores,
  REPLACE_SCORE_BODY_DESCRIPTION,
  ReplaceScoreRequest,
  ScoreIdParams,
  ScoreResponse,
  UpdateScoreRequest,
} from './dto/score.dto';
import { QUERY_PARAMETERS } from './filters/score-filter.fields';
import { parseFilterBody, queryConditions, rejectUnknownParameters } from './filters/score-filter.parser';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency/idempotency-key';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import type { ScoreLocator } from './model/score.types';
import { toScoreResponse, toScoreRevisionResponse, withEtag } from './score.mapper';
import {
  DeleteScoreOperation,
  ListScoresOperation,
  ReplaceScoreOperation,
  RetrieveScoreOperation,
  UpdateScoreOperation,
} from './score-operations.decorators';
import { ScoresService } from './scores.service';
import { ReplicaReads } from '../database/replicas/replica-reads.decorator';

const locator = (principal: Principal, params: ScoreIdParams): ScoreLocator => ({
  organizationId: principal.organizationId,
  id: params.id,
});

@Controller('api/scores')
@ApiTags('scores')
@RespanAuth()
@ReplicaReads()
export class ScoresController {
  constructor(private readonly scores: ScoresService) {}

  @Post()
  @UseInterceptors(IdempotencyInterceptor)
  @ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required: false,
    description: 'A retry with the same key and body within 24 hours replays the first answer.',
  })
  @ApiBody({ description: REPLACE_SCORE_BODY_DESCRIPTION, type: CreateScoreRequest })
  @RespanOperation({
    operationId: 'create_score',
    summary: 'Create a score',
    status: 201,
    responseDescription: 'Created score.',
    response: ScoreResponse,
    errors: [400, 401, 409],
  })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateScoreRequest): Promise<ScoreResponse> {
    return toScoreResponse(await this.scores.create(principal, body));
  }

  @Get()
  @ListScoresOperation({ operationId: 'list_scores', summary: 'List scores' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ScoreListQuery,
    @Req() request: FastifyRequest,
  ): Promise<PaginatedScores> {
    rejectUnknownParameters(request.query, QUERY_PARAMETERS);
    const { count, views } = await this.scores.list(principal.organizationId, queryConditions(query), query.sort_by, query);
    return drfPage(request, query, count, views.map(toScoreResponse));
  }

  @Post('list')
  @ReplicaReads()
  @ApiBody({ type: ScoreFilterRequest, required: false })
  @RespanOperation({
    operationId: 'filter_scores',
    summary: 'Filter scores',
    status: 200,
    responseDescription: 'A page of scores.',
    response: FilteredScores,
    errors: [400, 401, 404],
  })
  async filter(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ScoreFilterQuery,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
  ): Promise<FilteredScores> {
    rejectUnknownParameters(request.query, ['page', 'page_size', 'sort_by']);
    const { conditions, current } = parseFilterBody(body);
    const { count, views } = await this.scores.list(principal.organizationId, conditions, query.sort_by, query);
    return { ...drfPage(request, query, count, views.map(toScoreResponse)), current_filters: current };
  }

  @Get(':id')
  @RetrieveScoreOperation({ operationId: 'retrieve_score', summary: 'Retrieve a score' })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ScoreIdParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ScoreResponse> {
    return withEtag(reply, await this.scores.get(locator(principal, params)));
  }

  @Put(':id')
  @ReplaceScoreOperation({ operationId: 'replace_score', summary: 'Replace a score', description: 'Replace a score by score ID.' })
  async replace(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ScoreIdParams,
    @Body() body: ReplaceScoreRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ScoreResponse> {
    return withEtag(reply, await this.scores.replace(principal, locator(principal, params), body, ifMatch));
  }

  @Patch(':id')
  @UpdateScoreOperation({ operationId: 'update_score', summary: 'Update a score', description: 'Partially update a score by score ID.' })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ScoreIdParams,
    @Body() body: UpdateScoreRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ScoreResponse> {
    return withEtag(reply, await this.scores.update(principal, locator(principal, params), body, ifMatch));
  }

  @Delete(':id')
  @DeleteScoreOperation({ operationId: 'delete_score', summary: 'Delete a score' })
  async delete(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ScoreIdParams,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    await this.scores.delete(locator(principal, params), ifMatch);
  }

  @Get(':id/history')
  @RespanOperation({
    operationId: 'score_history',
    summary: 'List the revisions of a score',
    description: 'Every create, replace and update of the score, oldest first, each with the full value set after it.',
    status: 200,
    responseDescription: 'A page of revisions.',
    response: PaginatedScoreRevisions,
    errors: [400, 401, 404],
  })
  async history(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ScoreIdParams,
    @Query() query: DrfPageQuery,
    @Req() request: FastifyRequest,
  ): Promise<PaginatedScoreRevisions> {
    rejectUnknownParameters(request.query, ['page', 'page_size']);
    const { count, revisions } = await this.scores.history(locator(principal, params), query);
    return drfPage(
      request,
      query,
      count,
      revisions.map((revision) => toScoreRevisionResponse(params.id, revision)),
    );
  }
}
