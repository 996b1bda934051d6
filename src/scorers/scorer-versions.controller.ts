import { Body, Controller, Get, Header, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { GalileoAuth } from '../auth/decorators/route-family-auth.decorators';
import type { Principal } from '../auth/principal';
import { formFile, formText, validatedFields } from '../code-validation/code-form';
import { MAX_CODE_BYTES } from '../code-validation/python-source';
import { MultipartRoute, readMultipart } from '../common/http/multipart';
import { GalileoOperation } from '../common/openapi/galileo-operation.decorator';
import { galileoPage } from '../common/paging/galileo-page';
import { CodeVersionFields, CodeVersionForm } from './dto/code-version.dto';
import {
  BaseScorerVersionResponse,
  CreateLLMScorerVersionRequest,
  CreateScorerVersionRequest,
  ListScorerVersionsQuery,
  ListScorerVersionsResponse,
  ScorerIdParams,
  ScorerVersionParams,
  ScorerVersionQuery,
} from './dto/scorer-version.dto';
import { CodeVersionQuery } from './dto/code-version.dto';
import { toVersionResponse } from './scorer.mapper';
import { GALILEO_SCORER_TAGS } from './scorers.controller';
import { ScorerVersionsService } from './scorer-versions.service';
import { ReplicaReads } from '../database/replicas/replica-reads.decorator';

@Controller('v2/scorers/:scorer_id')
@ApiTags(...GALILEO_SCORER_TAGS)
@GalileoAuth()
@ReplicaReads()
export class ScorerVersionsController {
  constructor(private readonly versions: ScorerVersionsService) {}

  @Post('version/llm')
  @GalileoOperation({
    operationId: 'create_llm_scorer_version_v2_scorers__scorer_id__version_llm_post',
    summary: 'Create Llm Scorer Version',
    response: BaseScorerVersionResponse,
  })
  async createLlm(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ScorerIdParams,
    @Body() body: CreateLLMScorerVersionRequest,
  ): Promise<BaseScorerVersionResponse> {
    return toVersionResponse(await this.versions.create(principal.organizationId, params.scorer_id, 'llm', body, principal.userId));
  }

  @Post('version/preset')
  @GalileoOperation({
    operationId: 'create_preset_scorer_version_v2_scorers__scorer_id__version_preset_post',
    summary: 'Create Preset Scorer Version',
    response: BaseScorerVersionResponse,
  })
  async createPreset(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ScorerIdParams,
    @Body() body: CreateScorerVersionRequest,
  ): Promise<BaseScorerVersionResponse> {
    return toVersionResponse(await this.versions.create(principal.organizationId, params.scorer_id, 'preset', body, principal.userId));
  }

  @Post('version/code')
  @MultipartRoute()
  @ApiBody({ required: true, schema: { $ref: getSchemaPath(CodeVersionForm) } })
  @GalileoOperation({
    operationId: 'create_code_scorer_version_v2_scorers__scorer_id__version_code_post',
    summary: 'Create Code Scorer Version',
    description: "Stores the scorer's Python source with a new version. The code is checked statically and never run.",
    response: BaseScorerVersionResponse,
  })
  async createCode(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ScorerIdParams,
    @Req() request: FastifyRequest,
  ): Promise<BaseScorerVersionResponse> {
    const form = await readMultipart(request, MAX_CODE_BYTES);
    const file = formFile(form);
    const fields = await validatedFields(CodeVersionFields, { validation_result: formText(form, 'validation_result') });
    return toVersionResponse(
      await this.versions.createCode(principal.organizationId, params.scorer_id, file, fields.validation_result, principal.userId),
    );
  }

  @Get('version/code')
  @GalileoOperation({
    operationId: 'get_scorer_version_code_v2_scorers__scorer_id__version_code_get',
    summary: 'Get Scorer Version Code',
    description: 'The stored Python source of a code version (the latest when `version` is absent), as a JSON string.',
    response: {},
  })
  @Header('content-type', 'application/json; charset=utf-8')
  async code(@CurrentPrincipal() principal: Principal, @Param() params: ScorerIdParams, @Query() query: CodeVersionQuery): Promise<string> {
    return JSON.stringify(await this.versions.code(principal.organizationId, params.scorer_id, query.version ?? undefined));
  }

  @Get('version')
  @GalileoOperation({
    operationId: 'get_scorer_version_or_latest_v2_scorers__scorer_id__version_get',
    summary: 'Get Scorer Version Or Latest',
    response: BaseScorerVersionResponse,
  })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ScorerIdParams,
    @Query() query: ScorerVersionQuery,
  ): Promise<BaseScorerVersionResponse> {
    return toVersionResponse(await this.versions.get(principal.organizationId, params.scorer_id, query.version));
  }

  @Get('versions')
  @GalileoOperation({
    operationId: 'list_all_versions_for_scorer_v2_scorers__scorer_id__versions_get',
    summary: 'List All Versions For Scorer',
    response: ListScorerVersionsResponse,
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param() params: ScorerIdParams,
    @Query() query: ListScorerVersionsQuery,
  ): Promise<ListScorerVersionsResponse> {
    const { versions, more } = await this.versions.page(principal.organizationId, params.scorer_id, query.starting_token, query.limit);
    return { ...galileoPage(query, more), versions: versions.map((version) => toVersionResponse(version)) };
  }

  @Post('versions/:version_number/restore')
  @GalileoOperation({
    operationId: 'restore_scorer_version_v2_scorers__scorer_id__versions__version_number__restore_post',
    summary: 'Restore Scorer Version',
    response: BaseScorerVersionResponse,
  })
  async restore(@CurrentPrincipal() principal: Principal, @Param() params: ScorerVersionParams): Promise<BaseScorerVersionResponse> {
    return toVersionResponse(
      await this.versions.restore(principal.organizationId, params.scorer_id, params.version_number, principal.userId),
    );
  }
}
