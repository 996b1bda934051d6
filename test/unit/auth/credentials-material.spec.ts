import { apiKeyMatches, generateApiKey, hashApiKey, lookupPrefix, truncateApiKey } from '../../../src/auth/api-key-material';
import { UNKNOWN_USER_HASH, hashPassword, verifyPassword } from '../../../src/auth/passwords';

describe('API key material', () => {
  it('generates 256-bit keys that are stored only as a hash', () => {
    const key = generateApiKey();
    expect(key).toMatch(/^sk-[A-Za-z0-9_-]{43}$/);
    expect(generateApiKey()).not.toBe(key);
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(apiKeyMatches(key, hashApiKey(key))).toBe(true);
    expect(apiKeyMatches(`${key}x`, hashApiKey(key))).toBe(false);
    expect(lookupPrefix(key)).toHaveLength(12);
    expect(truncateApiKey(key)).toBe(`${key.slice(0, 6)}…${key.slice(-4)}`);
  });
});

describe('passwords', () => {
  it('hashes with scrypt and verifies', async () => {
    const hash = await hashPassword('correct horse');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('wrong horse', hash)).toBe(false);
  });

  it('never accepts anything against the unknown-user hash or a malformed one', async () => {
    expect(await verifyPassword('', UNKNOWN_USER_HASH)).toBe(false);
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
  });
});
