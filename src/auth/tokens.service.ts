import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isUUID } from 'class-validator';

export interface TokenClaims {
  sub: string;
  org: string;
  /** The API key the token was obtained with (`/login/api_key`); revoking the key ends the token. */
  key?: string;
}

const isUuid = (value: unknown): value is string => isUUID(value);

const JWT_SHAPE = /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Issues and verifies the JWTs of `/login` (HS256, with `exp`). */
@Injectable()
export class TokensService {
  constructor(private readonly jwt: JwtService) {}

  issue(claims: TokenClaims): Promise<string> {
    return this.jwt.signAsync({ ...claims });
  }

  /**
   * The claims of a valid, unexpired token; null for anything else, a correctly signed token whose
   * `sub`, `org` or `key` is not a UUID included (no such user, organization or key can exist).
   */
  async verify(token: string): Promise<TokenClaims | null> {
    let claims: Partial<Record<keyof TokenClaims | 'exp', unknown>>;
    try {
      claims = await this.jwt.verifyAsync(token, { algorithms: ['HS256'] });
    } catch {
      return null;
    }
    const { sub, org, key, exp } = claims;
    if (!isUuid(sub) || !isUuid(org) || typeof exp !== 'number') return null;
    if (key === undefined) return { sub, org };
    return isUuid(key) ? { sub, org, key } : null;
  }

  /** Whether a bearer token is shaped like a JWT (otherwise it is taken for an API key). */
  static looksLikeJwt(token: string): boolean {
    return JWT_SHAPE.test(token);
  }
}
