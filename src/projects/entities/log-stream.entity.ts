import type { Opt, Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantRow } from '../../identity/entities/tenant-row.entity';
import { Project } from './project.entity';

/** A named stream of a project (Galileo logs traces into one; Scorekeeper keeps its name and scorer settings). */
@Entity({ tableName: 'log_streams' })
@Unique({ name: 'log_streams_name_unique', properties: ['organizationId', 'project', 'name'] })
export class LogStream extends TenantRow {
  @ManyToOne(() => Project, { fieldNames: ['organization_id', 'project_id'], deleteRule: 'cascade', ref: true })
  project!: Ref<Project>;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'uuid' })
  createdBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date & Opt = new Date();
}
