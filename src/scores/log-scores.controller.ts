import { Body, Controller, Delete, Get, Headers, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { RespanAuth } from '../auth/decorators/route-family-auth.decorators';
import type { Principal } from '../auth/principal';
import { RespanOperation } from '../common/openapi/respan-operation.decorator';
import { drfPage } from '../common/paging/drf-page';
import { ScoreListQuery } from './dto/score-list.dto';
import {
  CreateScoreRequest,
  LogIdParams,
  LogScoreParams,
  PaginatedScores,
  REPLACE_SCORE_BODY_DESCRIPTION,
  ReplaceScoreRequest,
  ScoreResponse,
  UpdateScoreRequest,
} from './dto/score.dto';
import { QUERY_PARAMETERS } from './filters/score-filter.fields';
import { queryConditions, rejectUnknownParameters } from './filters/score-filter.parser';
import type { ScoreLocator } from './model/score.types';
import { toScoreResponse, withEtag } from './score.mapper';
import {
  DeleteScoreOperation,
  ListScoresOperation,
  ReplaceScoreOperation,
  RetrieveScoreOperation,
  UpdateScoreOperation,
} from './score-operations.decorators';
import { ScoresService } from './scores.service';
import { ReplicaReads } from '../database/replicas/replica-reads.decorator';

const locator = (principal: Principal, params: LogScoreParams): ScoreLocator => ({
  organizationId: principal.organizationId,
  id: params.score_id,
  logId: params.log_id,
});

/** The scores of one log: `log_id` comes from the path and, on writes, `scorer` from the caller. */
@Controller('api/logs/:log_id/scores')
@ApiTags('log scores')
@RespanAuth()
@ReplicaReads()
export class LogScoresController {
  constructor(private readonly scores: ScoresService) {}

  @Post()
  @ApiBody({ description: REPLACE_SCORE_BODY_DESCRIPTION, type: CreateScoreRequest })
  @ApiResponse({ status: 200, description: 'Updated score.', type: ScoreResponse })
  @RespanOperation({
    operationId: 'upsert_log_score',
    summary: 'Create or update a log score',
    description:
      'Creates the score of this log for (evaluator, caller), or replaces it when there is one: 201 when created, 200 when updated.',
    status: 201,
    responseDescription: 'Created score.',
    response: ScoreResponse,
    errors: [400, 401],
  })
  async upsert(
    @CurrentPrincipal() principal: Principal,
    @Param() params: LogIdParams,
    @Body() body: CreateScoreRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { created, view } = await this.scores.upsertForLog(principal, params.log_id, body);
    const response = withEtag(reply, view);
    await reply.status(created ? 201 : 200).send(response);
  }

  @Get()
  @ListScoresOperation({ operationId: 'list_log_scores', summary: 'List log scores' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param() params: LogIdParams,
    @Query() query: ScoreListQuery,
    @Req() request: FastifyRequest,
  ): Promise<PaginatedScores> {
    rejectUnknownParameters(request.query, QUERY_PARAMETERS);
    const conditions = queryConditions({ ...query, log_id: params.log_id });
    const { count, views } = await this.scores.list(principal.organizationId, conditions, query.sort_by, query);
    return drfPage(request, query, count, views.map(toScoreResponse));
  }

  @Get(':score_id')
  @RetrieveScoreOperation({ operationId: 'retrieve_log_score', summary: 'Retrieve a log score' })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param() params: LogScoreParams,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ScoreResponse> {
    return withEtag(reply, await this.scores.get(locator(principal, params)));
  }

  @Put(':score_id')
  @ReplaceScoreOperation({ operationId: 'replace_log_score', summary: 'Replace a log score' })
  async replace(
    @CurrentPrincipal() principal: Principal,
    @Param() params: LogScoreParams,
    @Body() body: ReplaceScoreRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ScoreResponse> {
    return withEtag(reply, await this.scores.replace(principal, locator(principal, params), body, ifMatch));
  }

  @Patch(':score_id')
  @UpdateScoreOperation({ operationId: 'update_log_score', summary: 'Update a log score' })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param() params: LogScoreParams,
    @Body() body: UpdateScoreRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ScoreResponse> {
    return withEtag(reply, await this.scores.update(principal, locator(principal, params), body, ifMatch));
  }

  @Delete(':score_id')
  @DeleteScoreOperation({ operationId: 'delete_log_score', summary: 'Delete a log score' })
  async delete(
    @CurrentPrincipal() principal: Principal,
    @Param() params: LogScoreParams,
    @Headers('if-match') ifMatch: string | undefined,
  ): Promise<void> {
    await this.scores.delete(locator(principal, params), ifMatch);
  }
}
