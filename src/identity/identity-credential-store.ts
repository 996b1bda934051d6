import { Injectable } from '@nestjs/common';
import { type ApiKeyCredential, CredentialStore, type KnownUser, type SignInUser } from '../auth/credential-store';
import { ApiKeysRepository } from './api-keys.repository';
import { UsersRepository } from './users.repository';

/** Authentication's view of users and API keys, on this module's repositories. */
@Injectable()
export class IdentityCredentialStore extends CredentialStore {
  constructor(
    private readonly users: UsersRepository,
    private readonly apiKeys: ApiKeysRepository,
  ) {
    super();
  }

  userForSignIn(email: string): Promise<SignInUser | null> {
    return this.users.findForSignIn(email);
  }

  user(organizationId: string, id: string): Promise<KnownUser | null> {
    return this.users.findById(organizationId, id);
  }

  apiKeysWithPrefix(prefix: string): Promise<ApiKeyCredential[]> {
    return this.apiKeys.findCredentials(prefix);
  }

  activeApiKey(organizationId: string, id: string): Promise<{ description: string } | null> {
    return this.apiKeys.findActive(organizationId, id);
  }

  recordApiKeyUse(organizationId: string, id: string): Promise<void> {
    return this.apiKeys.touchLastUsed(organizationId, id);
  }
}
