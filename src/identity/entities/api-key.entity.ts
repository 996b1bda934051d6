import type { Opt, Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { TenantRow } from './tenant-row.entity';
import { User } from './user.entity';

/** An API key: only its SHA-256 hash is stored; `prefix` finds the candidate rows for a presented key. */
@Entity({ tableName: 'api_keys' })
@Index({ name: 'api_keys_prefix_index', properties: ['prefix'] })
@Index({ name: 'api_keys_user_index', properties: ['organizationId', 'user', 'createdAt'] })
export class ApiKey extends TenantRow {
  @ManyToOne(() => User, { fieldNames: ['organization_id', 'user_id'], deleteRule: 'cascade', ref: true })
  user!: Ref<User>;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'text' })
  prefix!: string;

  /** Hex SHA-256 of the whole key. */
  @Property({ type: 'text' })
  keyHash!: string;

  /** Display form, e.g. `sk-AbC…wxyz`. */
  @Property({ type: 'text' })
  truncated!: string;

  /** The user who created the key (the owner, or an administrator acting for them). */
  @Property({ type: 'uuid' })
  createdBy!: string;

  @Property({ type: 'timestamptz', nullable: true })
  expiresAt: (Date & Opt) | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  lastUsed: (Date & Opt) | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: (Date & Opt) | null = null;
}
