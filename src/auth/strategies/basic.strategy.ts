import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-custom';
import { CredentialsService } from '../credentials.service';
import { LoginAttempts } from '../login-attempts';
import type { Principal } from '../principal';
import { authorizationCredentials } from './authorization-header';

export const BASIC_STRATEGY = 'basic';

/** Strict UTF-8: bytes that are not UTF-8 (they would decode to U+FFFD) are no credential; a leading BOM is kept as text. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeCredentials(encoded: string): string | undefined {
  try {
    return UTF8.decode(Buffer.from(encoded, 'base64'));
  } catch {
    return undefined;
  }
}

/** `Authorization: Basic base64(email:password)`: a sign-in on every request, under the sign-in limit as `/login` is. */
@Injectable()
export class BasicStrategy extends PassportStrategy(Strategy, BASIC_STRATEGY) {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly attempts: LoginAttempts,
  ) {
    super();
  }

  async validate(request: { headers: Record<string, string | string[] | undefined>; ip: string }): Promise<Principal | false> {
    const encoded = authorizationCredentials(request.headers, 'basic');
    if (!encoded || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return false;
    const decoded = decodeCredentials(encoded);
    const separator = decoded?.indexOf(':') ?? -1;
    if (!decoded || separator <= 0) return false;
    const [email, password] = [decoded.slice(0, separator), decoded.slice(separator + 1)];
    return (await this.attempts.attempt(request.ip, () => this.credentials.fromPassword(email, password))) ?? false;
  }
}
