export type AuthMethod = 'api_key' | 'jwt' | 'basic';

/** Who is calling: a user of one organization, through an API key, a JWT or a password. */
export interface Principal {
  organizationId: string;
  userId: string;
  email: string;
  method: AuthMethod;
  /** The key used (API-key auth, or a JWT obtained with `/login/api_key`). */
  apiKeyId: string | null;
  apiKeyDescription: string | null;
}

/** The name written as a score's `scorer`: the key's description for API-key calls, else the user's e-mail. */
export function actorName(principal: Principal): string {
  return principal.method === 'api_key' && principal.apiKeyDescription ? principal.apiKeyDescription : principal.email;
}
