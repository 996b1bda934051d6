import { createHash } from 'node:crypto';
import { ConflictException, Injectable } from '@nestjs/common';
import { RequestValidationException } from '../common/errors/api-exceptions';
import { IdempotencyRecordsRepository } from './idempotency-records.repository';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** A response as first sent, replayed for a retry. */
export interface StoredResponse<T = unknown> {
  status: number;
  body: T;
}

/** An idempotent request: its key and the hash of its body. */
export interface IdempotencyClaim {
  key: string;
  requestHash: string;
}

/** JSON with object keys sorted, so equal bodies hash alike whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Idempotent creates: a key replays the first answer for 24 hours; the same key with another body is a 409. */
@Injectable()
export class IdempotencyService {
  constructor(private readonly records: IdempotencyRecordsRepository) {}

  /** The claim of a request, or `undefined` without a key; a malformed key is a 400. */
  claim(key: string | undefined, body: unknown): IdempotencyClaim | undefined {
    if (key === undefined) return undefined;
    if (!KEY_PATTERN.test(key)) {
      throw new RequestValidationException([
        {
          type: 'value_error',
          loc: ['header', IDEMPOTENCY_KEY_HEADER],
          msg: 'Value error, expected 1 to 255 visible ASCII characters',
          input: key,
          drfMsg: 'Expected 1 to 255 visible ASCII characters.',
        },
      ]);
    }
    return { key, requestHash: createHash('sha256').update(canonicalJson(body)).digest('hex') };
  }

  /** The stored answer to an earlier request with this key, if it is still live; 409 when its body differed. */
  async replay<T>(organizationId: string, claim: IdempotencyClaim): Promise<StoredResponse<T> | null> {
    const now = new Date();
    await this.records.purgeExpired(organizationId, now);
    const record = await this.records.findLive(organizationId, claim.key, now);
    if (!record) return null;
    if (record.requestHash !== claim.requestHash) {
      throw new ConflictException(`This ${IDEMPOTENCY_KEY_HEADER} was already used with a different request body.`);
    }
    return { status: record.status, body: record.response as T };
  }

  /** Stores the answer, in the unit of work of the write it answers. */
  remember(organizationId: string, claim: IdempotencyClaim, response: StoredResponse): void {
    const createdAt = new Date();
    this.records.add({
      organizationId,
      key: claim.key,
      requestHash: claim.requestHash,
      status: response.status,
      response: response.body,
      createdAt,
      expiresAt: new Date(createdAt.getTime() + IDEMPOTENCY_TTL_MS),
    });
  }
}
