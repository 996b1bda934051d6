import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';

/**
 * The JWT signing secret: `SCOREKEEPER_JWT_SECRET` when set (required in production with PostgreSQL);
 * otherwise one generated on first start and kept in the data directory, so tokens survive restarts.
 * An in-memory data directory gets a per-process secret.
 */
export function resolveJwtSecret(config: Pick<AppConfig, 'jwt' | 'dataDir'>): string {
  if (config.jwt.secret) return config.jwt.secret;
  if (config.dataDir.startsWith('memory:')) return randomBytes(48).toString('base64url');
  const file = join(config.dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secret;
}
