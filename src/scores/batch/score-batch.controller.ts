import { Body, Controller, Post, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal } from '../../auth/decorators/current-principal.decorator';
import { RespanAuth } from '../../auth/decorators/route-family-auth.decorators';
import { type Principal, actorName } from '../../auth/principal';
import { RespanOperation } from '../../common/openapi/respan-operation.decorator';
import { rejectUnknownParameters } from '../filters/score-filter.parser';
import { IDEMPOTENCY_KEY_HEADER } from '../idempotency/idempotency-key';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { ScoreBatchQuery, ScoreBatchRequest, ScoreBatchResponse } from './dto/score-batch.dto';
import { toScoreBatchResponse } from './score-batch.mapper';
import { ScoreBatchService } from './score-batch.service';

@Controller('api/scores/batch')
@ApiTags('scores')
@RespanAuth()
export class ScoreBatchController {
  constructor(private readonly batches: ScoreBatchService) {}

  @Post()
  @UseInterceptors(IdempotencyInterceptor)
  @ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required: false,
    description: 'A retry with the same key and body within 24 hours replays the first answer, whole.',
  })
  @ApiBody({ type: ScoreBatchRequest })
  @RespanOperation({
    operationId: 'create_scores_batch',
    summary: 'Create scores in a batch',
    description:
      'Creates 1 to 1,000 scores, each validated and written exactly as `POST /api/scores/` would, and answers one result per item in request order: 201 with the score, or the status and error body a single create would have given. With `atomic=true` nothing is written unless every item is valid; the answer is then a 400 with the same results.',
    status: 200,
    responseDescription: 'Per-item results.',
    response: ScoreBatchResponse,
    errors: [400, 401, 409],
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ScoreBatchQuery,
    @Body() body: ScoreBatchRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ScoreBatchResponse> {
    rejectUnknownParameters(request.query, ['atomic']);
    const writer = { organizationId: principal.organizationId, actor: actorName(principal) };
    const outcome = await this.batches.create(writer, body.scores, query.atomic);
    if (outcome.rejected) void reply.status(400);
    return toScoreBatchResponse(outcome);
  }
}
