/** A user as signing in with a password needs it. */
export interface SignInUser {
  organizationId: string;
  id: string;
  email: string;
  passwordHash: string;
}

/** A user a token names. */
export interface KnownUser {
  organizationId: string;
  id: string;
  email: string;
}

/** What authenticating a presented API key needs of a stored one and its owner. */
export interface ApiKeyCredential {
  organizationId: string;
  id: string;
  keyHash: string;
  description: string;
  lastUsed: Date | null;
  userId: string;
  email: string;
}

/**
 * What authentication reads about users and API keys. Declared here, implemented by the identity
 * module (which owns those tables and imports authentication's decorators), so that the dependency
 * between the two folders runs one way.
 */
export abstract class CredentialStore {
  /** The user with this (lower-cased) e-mail, in any organization: sign-in precedes tenancy. */
  abstract userForSignIn(email: string): Promise<SignInUser | null>;

  abstract user(organizationId: string, id: string): Promise<KnownUser | null>;

  /** The usable keys (of any organization) whose clear lookup prefix is `prefix`, with their owners. */
  abstract apiKeysWithPrefix(prefix: string): Promise<ApiKeyCredential[]>;

  /** A usable (neither revoked nor expired) key of the organization. */
  abstract activeApiKey(organizationId: string, id: string): Promise<{ description: string } | null>;

  /** Records that a key was used (at most once a minute a key). */
  abstract recordApiKeyUse(organizationId: string, id: string): Promise<void>;
}
