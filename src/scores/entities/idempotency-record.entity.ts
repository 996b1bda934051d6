import type { Opt } from '@mikro-orm/core';
import { Entity, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantRow } from '../../identity/entities/tenant-row.entity';

/** The stored answer to a create sent with an `Idempotency-Key`, replayed for 24 hours. */
@Entity({ tableName: 'idempotency_records' })
@Unique({ name: 'idempotency_records_key_unique', properties: ['organizationId', 'key'] })
@Index({ name: 'idempotency_records_expiry_index', properties: ['organizationId', 'expiresAt'] })
export class IdempotencyRecord extends TenantRow {
  @Property({ type: 'text' })
  key!: string;

  /** SHA-256 of the canonical request body: the same key with another body is a conflict. */
  @Property({ type: 'text' })
  requestHash!: string;

  @Property({ type: 'integer' })
  status!: number;

  @Property({ type: 'jsonb' })
  response!: unknown;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;
}
