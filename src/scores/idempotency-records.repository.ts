import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/sql';
import { IdempotencyRecord } from './entities/idempotency-record.entity';

/** Stored answers to creates sent with an `Idempotency-Key`, per organization. */
@Injectable()
export class IdempotencyRecordsRepository {
  constructor(private readonly em: EntityManager) {}

  async purgeExpired(organizationId: string, now: Date): Promise<void> {
    await this.em.nativeDelete(IdempotencyRecord, { organizationId, expiresAt: { $lte: now } });
  }

  findLive(organizationId: string, key: string, now: Date): Promise<IdempotencyRecord | null> {
    return this.em.findOne(IdempotencyRecord, { organizationId, key, expiresAt: { $gt: now } }, { refresh: true });
  }

  /** A record inserted at the next flush (with the write it answers, in the same transaction). */
  add(
    data: Pick<IdempotencyRecord, 'organizationId' | 'key' | 'requestHash' | 'status' | 'response' | 'createdAt' | 'expiresAt'>,
  ): IdempotencyRecord {
    return this.em.create(IdempotencyRecord, data);
  }
}
