import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

export interface TokenClaims {
  sub: string;
  org: string;
  /** The API key the token was obtained with (`/login/api_key`); revoking the key ends the token. */
  key?: string;
}

const JWT_SHAPE = /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** Issues and verifies the JWTs of `/login` (HS256, with `exp`). */
@Injectable()
export class TokensService {
  constructor(private readonly jwt: JwtService) {}

  issue(claims: TokenClaims): Promise<string> {
    return this.jwt.signAsync({ ...claims });
  }

  /** The claims of a valid, unexpired token; null for anything else. */
  async verify(token: string): Promise<TokenClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<TokenClaims & { exp?: number }>(token, { algorithms: ['HS256'] });
      return typeof claims.sub === 'string' && typeof claims.org === 'string' && typeof claims.exp === 'number' ? claims : null;
    } catch {
      return null;
    }
  }

  /** Whether a bearer token is shaped like a JWT (otherwise it is taken for an API key). */
  static looksLikeJwt(token: string): boolean {
    return JWT_SHAPE.test(token);
  }
}
