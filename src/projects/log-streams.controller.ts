import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { GalileoAuth } from '../auth/decorators/route-family-auth.decorators';
import type { Principal } from '../auth/principal';
import { GalileoOperation } from '../common/openapi/galileo-operation.decorator';
import { ReplicaReads } from '../database/replicas/replica-reads.decorator';
import { galileoPage } from '../common/paging/galileo-page';
import {
  ListLogStreamResponse,
  ListLogStreamsPageQuery,
  ListLogStreamsQuery,
  LogStreamCreateRequest,
  LogStreamResponse,
} from './dto/log-stream.dto';
import { ProjectIdParams } from './dto/project.dto';
import { toLogStreamResponse } from './projects.mapper';
import { ProjectsService } from './projects.service';

@Controller('v2/projects/:project_id/log_streams')
@ApiTags('log_stream')
@GalileoAuth()
@ReplicaReads()
export class LogStreamsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @GalileoOperation({
    operationId: 'list_log_streams_v2_projects__project_id__log_streams_get',
    summary: 'List Log Streams',
    description: 'Every log stream of the project, oldest first.',
    response: {
      type: 'array',
      items: { $ref: getSchemaPath(LogStreamResponse) },
      title: 'Response List Log Streams V2 Projects  Project Id  Log Streams Get',
    },
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ProjectIdParams,
    @Query() _query: ListLogStreamsQuery,
  ): Promise<LogStreamResponse[]> {
    const { rows, emails } = await this.projects.logStreams(principal.organizationId, params.project_id);
    return rows.map((stream) => toLogStreamResponse(stream, emails));
  }

  @Post()
  @GalileoOperation({
    operationId: 'create_log_stream_v2_projects__project_id__log_streams_post',
    summary: 'Create Log Stream',
    description: 'Names are unique per project (409 when taken).',
    response: LogStreamResponse,
  })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ProjectIdParams,
    @Body() body: LogStreamCreateRequest,
  ): Promise<LogStreamResponse> {
    const stream = await this.projects.createLogStream(principal.organizationId, params.project_id, body.name, principal.userId);
    return toLogStreamResponse(stream, await this.projects.creatorEmails(principal.organizationId, [stream]));
  }

  @Get('paginated')
  @GalileoOperation({
    operationId: 'list_log_streams_paginated_v2_projects__project_id__log_streams_paginated_get',
    summary: 'List Log Streams Paginated',
    response: ListLogStreamResponse,
  })
  async page(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ProjectIdParams,
    @Query() query: ListLogStreamsPageQuery,
  ): Promise<ListLogStreamResponse> {
    const { rows, emails, more } = await this.projects.logStreams(principal.organizationId, params.project_id, {
      offset: query.starting_token,
      limit: query.limit,
    });
    return { ...galileoPage(query, more), log_streams: rows.map((stream) => toLogStreamResponse(stream, emails)) };
  }
}
