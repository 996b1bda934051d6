import { Injectable } from '@nestjs/common';
import { AuthenticationRequiredException } from '../common/errors/api-exceptions';
import { CredentialsService } from './credentials.service';
import type { TokenResponse } from './dto/login.dto';
import { LoginAttempts } from './login-attempts';
import type { Principal } from './principal';
import { TokensService } from './tokens.service';

/** `/login` and `/login/api_key`: exchange a password or an API key for a JWT. */
@Injectable()
export class LoginService {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly tokens: TokensService,
    private readonly attempts: LoginAttempts,
  ) {}

  withPassword(email: string, password: string, client: string): Promise<TokenResponse> {
    return this.exchange(client, () => this.credentials.fromPassword(email, password), 'Incorrect username or password');
  }

  withApiKey(apiKey: string, client: string): Promise<TokenResponse> {
    return this.exchange(client, () => this.credentials.fromApiKey(apiKey), 'Invalid API key');
  }

  private async exchange(client: string, authenticate: () => Promise<Principal | null>, failure: string): Promise<TokenResponse> {
    const principal = await this.attempts.attempt(client, authenticate);
    if (!principal) throw new AuthenticationRequiredException('invalid', 'Bearer', failure);
    const access_token = await this.tokens.issue({
      sub: principal.userId,
      org: principal.organizationId,
      ...(principal.apiKeyId ? { key: principal.apiKeyId } : {}),
    });
    return { access_token, token_type: 'bearer' };
  }
}
