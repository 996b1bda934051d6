import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/sql';
import { User } from '../identity/entities/user.entity';
import { LogStream } from './entities/log-stream.entity';
import { Project } from './entities/project.entity';

/** Queries on projects and their log streams, each scoped to an organization. */
@Injectable()
export class ProjectsRepository {
  constructor(private readonly em: EntityManager) {}

  async insertProject(fields: Pick<Project, 'organizationId' | 'name' | 'type' | 'createdBy'>): Promise<Project> {
    const project = this.em.create(Project, fields);
    await this.em.persist(project).flush();
    return project;
  }

  findProject(organizationId: string, id: string): Promise<Project | null> {
    return this.em.findOne(Project, { organizationId, id });
  }

  /** The projects with that name and type (each when absent), oldest first. */
  findProjects(organizationId: string, name?: string | null, type?: string | null): Promise<Project[]> {
    return this.em.find(
      Project,
      { organizationId, ...(name != null ? { name } : {}), ...(type != null ? { type } : {}) },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
  }

  async insertLogStream(project: Project, name: string, createdBy: string): Promise<LogStream> {
    const stream = this.em.create(LogStream, { organizationId: project.organizationId, project, name, createdBy });
    await this.em.persist(stream).flush();
    return stream;
  }

  /** A page of a project's log streams, oldest first; `more` when another page follows. */
  async logStreams(
    organizationId: string,
    projectId: string,
    offset = 0,
    limit?: number,
  ): Promise<{ streams: LogStream[]; more: boolean }> {
    const rows = await this.em.find(
      LogStream,
      { organizationId, project: [organizationId, projectId] },
      { orderBy: { createdAt: 'asc', id: 'asc' }, offset, ...(limit !== undefined ? { limit: limit + 1 } : {}) },
    );
    return { streams: limit === undefined ? rows : rows.slice(0, limit), more: limit !== undefined && rows.length > limit };
  }

  /** The e-mail addresses of the organization's users among `ids`. */
  async emails(organizationId: string, ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const users = await this.em.find(User, { organizationId, id: { $in: unique } }, { fields: ['email'] });
    return new Map(users.map((user) => [user.id, user.email]));
  }
}
