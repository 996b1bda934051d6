import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-custom';
import { CredentialsService } from '../credentials.service';
import type { Principal } from '../principal';
import { authorizationCredentials } from './authorization-header';

export const BEARER_STRATEGY = 'bearer';

/** `Authorization: Bearer <token>`: a JWT issued by `/login`, or an API key. */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, BEARER_STRATEGY) {
  constructor(private readonly credentials: CredentialsService) {
    super();
  }

  async validate(request: { headers: Record<string, string | string[] | undefined> }): Promise<Principal | false> {
    const token = authorizationCredentials(request.headers, 'bearer');
    if (!token) return false;
    return (await this.credentials.fromBearer(token)) ?? false;
  }
}
