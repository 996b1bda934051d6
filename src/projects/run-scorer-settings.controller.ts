import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { GalileoAuth } from '../auth/decorators/route-family-auth.decorators';
import type { Principal } from '../auth/principal';
import { GalileoOperation } from '../common/openapi/galileo-operation.decorator';
import { ReplicaReads } from '../database/replicas/replica-reads.decorator';
import { RunParams, RunScorerSettingsPatchRequest, RunScorerSettingsResponse } from './dto/scorer-settings.dto';
import { toRunScorerSettingsResponse } from './projects.mapper';
import { RunScorerSettingsService } from './run-scorer-settings.service';

const UPSERT = 'upsert_scorers_config_projects__project_id__runs__run_id__scorer_settings';

@Controller('v2/projects/:project_id/runs/:run_id/scorer-settings')
@ApiTags('run_scorer_settings')
@GalileoAuth()
@ReplicaReads()
export class RunScorerSettingsController {
  constructor(private readonly settings: RunScorerSettingsService) {}

  @Get()
  @GalileoOperation({
    operationId: 'get_settings_projects__project_id__runs__run_id__scorer_settings_get',
    summary: 'Get Settings',
    description: 'The scorers enabled on the run (a log stream or an experiment); none when nothing was set.',
    response: RunScorerSettingsResponse,
  })
  async get(@CurrentPrincipal() principal: Principal, @Param() params: RunParams): Promise<RunScorerSettingsResponse> {
    return toRunScorerSettingsResponse(await this.settings.get(principal.organizationId, params.project_id, params.run_id));
  }

  @Post()
  @GalileoOperation({
    operationId: `${UPSERT}_post`,
    summary: 'Upsert Scorers Config',
    description: 'Replaces the scorers enabled on the run.',
    response: RunScorerSettingsResponse,
  })
  async replace(
    @CurrentPrincipal() principal: Principal,
    @Param() params: RunParams,
    @Body() body: RunScorerSettingsPatchRequest,
  ): Promise<RunScorerSettingsResponse> {
    return toRunScorerSettingsResponse(await this.settings.write(principal.organizationId, params.project_id, params.run_id, body, true));
  }

  @Patch()
  @GalileoOperation({
    operationId: `${UPSERT}_patch`,
    summary: 'Upsert Scorers Config',
    description: 'Adds scorers to the run, or changes the settings of those already enabled.',
    response: RunScorerSettingsResponse,
  })
  async merge(
    @CurrentPrincipal() principal: Principal,
    @Param() params: RunParams,
    @Body() body: RunScorerSettingsPatchRequest,
  ): Promise<RunScorerSettingsResponse> {
    return toRunScorerSettingsResponse(await this.settings.write(principal.organizationId, params.project_id, params.run_id, body, false));
  }
}
