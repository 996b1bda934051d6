import { Body, Controller, Get, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal } from '../../auth/decorators/current-principal.decorator';
import { RespanAuth } from '../../auth/decorators/route-family-auth.decorators';
import type { Principal } from '../../auth/principal';
import { RespanOperation } from '../../common/openapi/respan-operation.decorator';
import { ReplicaReads } from '../../database/replicas/replica-reads.decorator';
import { ScoreFilterRequest } from '../dto/score-list.dto';
import { QUERY_FILTERS } from '../filters/score-filter.fields';
import { parseFilterBody, queryConditions, rejectUnknownParameters } from '../filters/score-filter.parser';
import { ScoreSummaryOptions, ScoreSummaryQuery, ScoreSummaryResponse } from './dto/score-summary.dto';
import { ScoreSummaryService } from './score-summary.service';

const OPTIONS = ['group_by', 'compare', 'percentiles'];

const DESCRIPTION =
  'Per evaluator (and group): count, passed, pass rate with its Wilson 95 % interval, numerical mean / sample stddev / min / max / p50 / p90 / p99, boolean and categorical counts, over exactly the scores the same filter lists. `compare=<field>:<a>,<b>` adds Newcombe and Welch intervals for b − a.';

@Controller('api/scores/summary')
@ApiTags('scores')
@RespanAuth()
@ReplicaReads()
export class ScoreSummaryController {
  constructor(private readonly summaries: ScoreSummaryService) {}

  @Get()
  @RespanOperation({
    operationId: 'summarize_scores',
    summary: 'Summarize scores',
    description: `${DESCRIPTION} Filters as \`GET /api/scores/\`.`,
    status: 200,
    responseDescription: 'One result per evaluator and group.',
    response: ScoreSummaryResponse,
    errors: [400, 401],
  })
  summarize(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ScoreSummaryQuery,
    @Req() request: FastifyRequest,
  ): Promise<ScoreSummaryResponse> {
    rejectUnknownParameters(request.query, [...Object.keys(QUERY_FILTERS), ...OPTIONS]);
    return this.summaries.summarize(principal.organizationId, queryConditions(query), query);
  }

  @Post()
  @ReplicaReads()
  @ApiBody({ type: ScoreFilterRequest, required: false })
  @RespanOperation({
    operationId: 'summarize_filtered_scores',
    summary: 'Summarize filtered scores',
    description: `${DESCRIPTION} Filter body as \`POST /api/scores/list/\`.`,
    status: 200,
    responseDescription: 'One result per evaluator and group.',
    response: ScoreSummaryResponse,
    errors: [400, 401],
  })
  summarizeFiltered(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ScoreSummaryOptions,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
  ): Promise<ScoreSummaryResponse> {
    rejectUnknownParameters(request.query, OPTIONS);
    return this.summaries.summarize(principal.organizationId, parseFilterBody(body).conditions, query);
  }
}
