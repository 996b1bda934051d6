import { ConflictException, Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/sql';
import { ResourceNotFoundException } from '../common/errors/api-exceptions';
import type { LogStream } from './entities/log-stream.entity';
import type { Project } from './entities/project.entity';
import { ProjectsRepository } from './projects.repository';

/** Rows with the e-mail address of whoever created each. */
export interface WithCreators<T> {
  rows: T[];
  emails: Map<string, string>;
}

/** Projects and their log streams: names unique per organization and type, and per project. */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly em: EntityManager,
    private readonly projects: ProjectsRepository,
  ) {}

  async get(organizationId: string, id: string): Promise<Project> {
    const project = await this.projects.findProject(organizationId, id);
    if (!project) throw new ResourceNotFoundException('Project', `Project ${id} not found`);
    return project;
  }

  async find(organizationId: string, name?: string | null, type?: string | null): Promise<WithCreators<Project>> {
    return this.withCreators(organizationId, await this.projects.findProjects(organizationId, name, type));
  }

  async create(organizationId: string, createdBy: string, name: string, type: string): Promise<Project> {
    try {
      return await this.projects.insertProject({ organizationId, name, type, createdBy });
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      this.em.clear();
      throw new ConflictException(`A project named ${JSON.stringify(name)} of type ${type} already exists`);
    }
  }

  async logStreams(
    organizationId: string,
    projectId: string,
    page?: { offset: number; limit: number },
  ): Promise<WithCreators<LogStream> & { more: boolean }> {
    await this.get(organizationId, projectId);
    const { streams, more } = await this.projects.logStreams(organizationId, projectId, page?.offset, page?.limit);
    return { ...(await this.withCreators(organizationId, streams)), more };
  }

  async createLogStream(organizationId: string, projectId: string, name: string, createdBy: string): Promise<LogStream> {
    const project = await this.get(organizationId, projectId);
    try {
      return await this.projects.insertLogStream(project, name, createdBy);
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      this.em.clear();
      throw new ConflictException(`A log stream named ${JSON.stringify(name)} already exists in project ${projectId}`);
    }
  }

  async creatorEmails(organizationId: string, rows: { createdBy: string }[]): Promise<Map<string, string>> {
    return this.projects.emails(
      organizationId,
      rows.map((row) => row.createdBy),
    );
  }

  private async withCreators<T extends { createdBy: string }>(organizationId: string, rows: T[]): Promise<WithCreators<T>> {
    return { rows, emails: await this.creatorEmails(organizationId, rows) };
  }
}
