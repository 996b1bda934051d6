import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const KEY_PREFIX = 'sk-';
const LOOKUP_PREFIX_LENGTH = 12;

/** A new key: `sk-` and 32 random bytes in base64url (256 bits). */
export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** The short, non-secret part stored in clear to find a presented key's row. */
export const lookupPrefix = (key: string): string => key.slice(0, LOOKUP_PREFIX_LENGTH);

export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/** Constant-time comparison of a presented key with a stored hash. */
export function apiKeyMatches(key: string, storedHash: string): boolean {
  const actual = Buffer.from(hashApiKey(key), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Display form: the first 6 and last 4 characters. */
export const truncateApiKey = (key: string): string => `${key.slice(0, 6)}…${key.slice(-4)}`;

/** Keys must be long and printable to be usable in a header. */
export const isAcceptableApiKey = (key: string): boolean => key.length >= 32 && key.length <= 256 && /^[\x21-\x7e]+$/.test(key);
