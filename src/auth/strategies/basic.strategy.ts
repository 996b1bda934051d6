import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-custom';
import { CredentialsService } from '../credentials.service';
import type { Principal } from '../principal';
import { authorizationCredentials } from './authorization-header';

export const BASIC_STRATEGY = 'basic';

/** `Authorization: Basic base64(email:password)`. */
@Injectable()
export class BasicStrategy extends PassportStrategy(Strategy, BASIC_STRATEGY) {
  constructor(private readonly credentials: CredentialsService) {
    super();
  }

  async validate(request: { headers: Record<string, string | string[] | undefined> }): Promise<Principal | false> {
    const encoded = authorizationCredentials(request.headers, 'basic');
    if (!encoded || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return false;
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    if (separator <= 0) return false;
    return (await this.credentials.fromPassword(decoded.slice(0, separator), decoded.slice(separator + 1))) ?? false;
  }
}
