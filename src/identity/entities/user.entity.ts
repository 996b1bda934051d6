import type { Opt } from '@mikro-orm/core';
import { Entity, Property, Unique } from '@mikro-orm/decorators/legacy';
import { TenantRow } from './tenant-row.entity';

/** A person who signs in with e-mail and password. E-mail addresses are unique across organizations. */
@Entity({ tableName: 'users' })
@Unique({ name: 'users_email_unique', properties: ['email'] })
export class User extends TenantRow {
  /** Lower-cased. */
  @Property({ type: 'text' })
  email!: string;

  /** `scrypt$N$r$p$salt$hash` (base64 salt and hash). */
  @Property({ type: 'text', lazy: true })
  passwordHash!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date & Opt = new Date();
}
