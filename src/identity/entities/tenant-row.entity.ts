import { randomUUID } from 'node:crypto';
import { type Opt, PrimaryKeyProp } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey } from '@mikro-orm/decorators/legacy';
import { Organization } from './organization.entity';

/**
 * A row owned by one organization. The primary key is (organization_id, id), so a row can only be
 * loaded together with its organization, and every foreign key between tenant tables is led by
 * organization_id (the shape a distributed PostgreSQL shards on).
 */
@Entity({ abstract: true })
export abstract class TenantRow {
  [PrimaryKeyProp]?: ['organizationId', 'id'];

  @ManyToOne(() => Organization, { primary: true, fieldName: 'organization_id', mapToPk: true, type: 'uuid', deleteRule: 'cascade' })
  organizationId!: string;

  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();
}
