import { Injectable } from '@nestjs/common';
import { apiKeyMatches, isAcceptableApiKey, lookupPrefix } from './api-key-material';
import { CredentialStore } from './credential-store';
import { isCredentialText } from './credential-text';
import { UNKNOWN_USER_HASH, verifyPassword } from './passwords';
import type { Principal } from './principal';
import { TokensService } from './tokens.service';

const LAST_USED_RESOLUTION_MS = 60_000;

/** Turns a presented credential into a principal, or null when it is not valid now. */
@Injectable()
export class CredentialsService {
  constructor(
    private readonly store: CredentialStore,
    private readonly tokens: TokensService,
  ) {}

  /** Every stored key is 32 to 256 printable ASCII characters: anything else is refused before any query. */
  async fromApiKey(key: string): Promise<Principal | null> {
    if (!isAcceptableApiKey(key)) return null;
    const candidates = await this.store.apiKeysWithPrefix(lookupPrefix(key));
    const match = candidates.find((candidate) => apiKeyMatches(key, candidate.keyHash));
    if (!match) return null;
    if (!match.lastUsed || Date.now() - match.lastUsed.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.store.recordApiKeyUse(match.organizationId, match.id);
    }
    return {
      organizationId: match.organizationId,
      userId: match.userId,
      email: match.email,
      method: 'api_key',
      apiKeyId: match.id,
      apiKeyDescription: match.description,
    };
  }

  async fromJwt(token: string): Promise<Principal | null> {
    const claims = await this.tokens.verify(token);
    if (!claims) return null;
    const user = await this.store.user(claims.org, claims.sub);
    if (!user) return null;
    let apiKeyDescription: string | null = null;
    if (claims.key) {
      const key = await this.store.activeApiKey(claims.org, claims.key);
      if (!key) return null;
      apiKeyDescription = key.description;
    }
    return {
      organizationId: user.organizationId,
      userId: user.id,
      email: user.email,
      method: 'jwt',
      apiKeyId: claims.key ?? null,
      apiKeyDescription,
    };
  }

  /** A bearer token is a JWT issued here or an API key. */
  fromBearer(token: string): Promise<Principal | null> {
    return TokensService.looksLikeJwt(token) ? this.fromJwt(token) : this.fromApiKey(token);
  }

  /** Verifies against a dummy hash when the user is unknown, so both failures take as long. */
  async fromPassword(email: string, password: string): Promise<Principal | null> {
    if (!isCredentialText(email) || !isCredentialText(password)) return null;
    const user = await this.store.userForSignIn(email.trim().toLowerCase());
    const valid = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    if (!user || !valid) return null;
    return {
      organizationId: user.organizationId,
      userId: user.id,
      email: user.email,
      method: 'basic',
      apiKeyId: null,
      apiKeyDescription: null,
    };
  }
}
