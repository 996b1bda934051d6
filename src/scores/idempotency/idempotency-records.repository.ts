import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/sql';
import { IdempotencyRecord } from '../entities/idempotency-record.entity';

/** Stored answers to creates sent with an `Idempotency-Key`, per organization. */
@Injectable()
export class IdempotencyRecordsRepository {
  constructor(private readonly em: EntityManager) {}

  /** Runs `work` in one transaction: the write a record answers and the record commit together. */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.em.transactional(() => work());
  }

  async purgeExpired(organizationId: string, now: Date): Promise<void> {
    await this.em.nativeDelete(IdempotencyRecord, { organizationId, expiresAt: { $lte: now } });
  }

  findLive(organizationId: string, key: string, now: Date): Promise<IdempotencyRecord | null> {
    return this.em.findOne(IdempotencyRecord, { organizationId, key, expiresAt: { $gt: now } }, { refresh: true });
  }

  async insert(
    data: Pick<IdempotencyRecord, 'organizationId' | 'key' | 'requestHash' | 'status' | 'response' | 'createdAt' | 'expiresAt'>,
  ): Promise<void> {
    await this.em.insert(IdempotencyRecord, { id: randomUUID(), ...data });
  }
}
