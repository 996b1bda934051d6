import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/decorators/current-principal.decorator';
import { GalileoAuth } from '../auth/decorators/route-family-auth.decorators';
import type { Principal } from '../auth/principal';
import { GalileoOperation } from '../common/openapi/galileo-operation.decorator';
import { ReplicaReads } from '../database/replicas/replica-reads.decorator';
import { GetProjectsQuery, ProjectCreate, ProjectCreateResponse, ProjectDB, ProjectIdParams } from './dto/project.dto';
import { toProjectCreateResponse, toProjectDb } from './projects.mapper';
import { ProjectsService } from './projects.service';

@Controller('v2/projects')
@ApiTags('projects')
@GalileoAuth()
@ReplicaReads()
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @GalileoOperation({
    operationId: 'get_projects_projects_get',
    summary: 'Get Projects',
    description: 'The projects with that name and type (any when absent); an empty list when none matches.',
    response: { type: 'array', items: { $ref: getSchemaPath(ProjectDB) }, title: 'Response Get Projects Projects Get' },
  })
  async find(@CurrentPrincipal() principal: Principal, @Query() query: GetProjectsQuery): Promise<ProjectDB[]> {
    const { rows, emails } = await this.projects.find(principal.organizationId, query.project_name, query.type);
    return rows.map((project) => toProjectDb(project, emails));
  }

  @Post()
  @GalileoOperation({
    operationId: 'create_project_projects_post',
    summary: 'Create Project',
    description: 'Names are unique per organization and project type (409 when taken).',
    response: ProjectCreateResponse,
  })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: ProjectCreate): Promise<ProjectCreateResponse> {
    return toProjectCreateResponse(await this.projects.create(principal.organizationId, principal.userId, body.name, body.type));
  }

  @Get(':project_id')
  @GalileoOperation({ operationId: 'get_project_v2_projects__project_id__get', summary: 'Get Project', response: ProjectDB })
  async get(@CurrentPrincipal() principal: Principal, @Param() params: ProjectIdParams): Promise<ProjectDB> {
    const project = await this.projects.get(principal.organizationId, params.project_id);
    return toProjectDb(project, await this.projects.creatorEmails(principal.organizationId, [project]));
  }
}
