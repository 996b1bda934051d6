import { ConflictException, Injectable } from '@nestjs/common';
import { IDEMPOTENCY_KEY_HEADER, type IdempotencyClaim } from './idempotency-key';
import { IdempotencyRecordsRepository } from './idempotency-records.repository';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** A response as first sent, replayed for a retry. */
export interface StoredResponse {
  status: number;
  body: unknown;
}

/** Idempotent creates: a key replays the first answer for 24 hours; the same key with another body is a 409. */
@Injectable()
export class IdempotencyService {
  constructor(private readonly records: IdempotencyRecordsRepository) {}

  /** The stored answer to an earlier request with this key, after forgetting the organization's expired ones. */
  async replay(organizationId: string, claim: IdempotencyClaim): Promise<StoredResponse | null> {
    const now = new Date();
    await this.records.purgeExpired(organizationId, now);
    return this.answered(organizationId, claim, now);
  }

  /** The stored answer to this key if it is still live; 409 when its body differed. */
  async answered(organizationId: string, claim: IdempotencyClaim, now = new Date()): Promise<StoredResponse | null> {
    const record = await this.records.findLive(organizationId, claim.key, now);
    if (!record) return null;
    if (record.requestHash !== claim.requestHash) {
      throw new ConflictException(`This ${IDEMPOTENCY_KEY_HEADER} was already used with a different request body.`);
    }
    return { status: record.status, body: record.response };
  }

  /** Runs `write` and stores its answer in one transaction: both commit, or neither. */
  async answer(organizationId: string, claim: IdempotencyClaim, write: () => Promise<StoredResponse>): Promise<StoredResponse> {
    return this.records.transaction(async () => {
      const response = await write();
      const createdAt = new Date();
      await this.records.insert({
        organizationId,
        key: claim.key,
        requestHash: claim.requestHash,
        status: response.status,
        response: response.body,
        createdAt,
        expiresAt: new Date(createdAt.getTime() + IDEMPOTENCY_TTL_MS),
      });
      return response;
    });
  }
}
