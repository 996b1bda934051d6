import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-custom';
import { GALILEO_API_KEY_HEADER } from '../../common/openapi/security-schemes';
import { CredentialsService } from '../credentials.service';
import type { Principal } from '../principal';

export const API_KEY_HEADER_STRATEGY = 'api-key-header';

/** `Galileo-API-Key: <key>`. */
@Injectable()
export class ApiKeyHeaderStrategy extends PassportStrategy(Strategy, API_KEY_HEADER_STRATEGY) {
  constructor(private readonly credentials: CredentialsService) {
    super();
  }

  async validate(request: { headers: Record<string, string | string[] | undefined> }): Promise<Principal | false> {
    const key = request.headers[GALILEO_API_KEY_HEADER.toLowerCase()];
    if (typeof key !== 'string' || key.length === 0) return false;
    return (await this.credentials.fromApiKey(key.trim())) ?? false;
  }
}
