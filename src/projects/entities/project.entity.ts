import type { Opt } from '@mikro-orm/core';
import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantRow } from '../../identity/entities/tenant-row.entity';

/** A project, as Galileo's SDKs look one up (by name and type) before logging or enabling metrics. */
@Entity({ tableName: 'projects' })
@Unique({ name: 'projects_name_unique', properties: ['organizationId', 'type', 'name'] })
export class Project extends TenantRow {
  @Property({ type: 'text' })
  name!: string;

  /** Galileo's project type (`gen_ai` for its 2.0 SDKs). */
  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'uuid' })
  createdBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date & Opt = new Date();
}
