import { Body, Controller, Delete, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { RespanAuth } from '../auth/decorators/route-family-auth.decorators';
import type { Principal } from '../auth/principal';
import { RespanOperation } from '../common/openapi/respan-operation.decorator';
import { DrfPageQuery, drfPage } from '../common/paging/drf-page';
import {
  CreateEvaluatorRequest,
  EvaluatorIdParams,
  EvaluatorResponse,
  PaginatedEvaluators,
  UpdateEvaluatorRequest,
} from './dto/evaluator.dto';
import { toEvaluatorResponse } from './evaluator.mapper';
import { EvaluatorsService } from './evaluators.service';
import { ReplicaReads } from '../database/replicas/replica-reads.decorator';

@Controller('api/evaluators')
@ApiTags('evaluators')
@RespanAuth()
@ReplicaReads()
export class EvaluatorsController {
  constructor(private readonly evaluators: EvaluatorsService) {}

  @Post()
  @RespanOperation({
    operationId: 'create_evaluator',
    summary: 'Create an evaluator',
    status: 201,
    responseDescription: 'Created evaluator.',
    response: EvaluatorResponse,
    errors: [400, 401],
  })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateEvaluatorRequest): Promise<EvaluatorResponse> {
    return toEvaluatorResponse(await this.evaluators.create(principal.organizationId, principal.userId, body));
  }

  @Get()
  @RespanOperation({
    operationId: 'list_evaluators',
    summary: 'List evaluators',
    status: 200,
    responseDescription: 'A page of evaluators.',
    response: PaginatedEvaluators,
    errors: [400, 401, 404],
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: DrfPageQuery,
    @Req() request: FastifyRequest,
  ): Promise<PaginatedEvaluators> {
    const { count, evaluators } = await this.evaluators.page(principal.organizationId, query);
    return drfPage(request, query, count, evaluators.map(toEvaluatorResponse));
  }

  @Get(':id')
  @RespanOperation({
    operationId: 'retrieve_evaluator',
    summary: 'Retrieve an evaluator',
    status: 200,
    responseDescription: 'The evaluator.',
    response: EvaluatorResponse,
    errors: [401, 404],
  })
  async get(@CurrentPrincipal() principal: Principal, @Param() params: EvaluatorIdParams): Promise<EvaluatorResponse> {
    return toEvaluatorResponse(await this.evaluators.get(principal.organizationId, params.id));
  }

  @Patch(':id')
  @RespanOperation({
    operationId: 'update_evaluator',
    summary: 'Update an evaluator',
    status: 200,
    responseDescription: 'Updated evaluator.',
    response: EvaluatorResponse,
    errors: [400, 401, 404],
  })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param() params: EvaluatorIdParams,
    @Body() body: UpdateEvaluatorRequest,
  ): Promise<EvaluatorResponse> {
    return toEvaluatorResponse(await this.evaluators.update(principal.organizationId, params.id, body));
  }

  @Delete(':id')
  @RespanOperation({
    operationId: 'delete_evaluator',
    summary: 'Delete an evaluator',
    status: 204,
    responseDescription: 'Deleted.',
    errors: [401, 404],
  })
  async delete(@CurrentPrincipal() principal: Principal, @Param() params: EvaluatorIdParams): Promise<void> {
    await this.evaluators.delete(principal.organizationId, params.id);
  }
}
