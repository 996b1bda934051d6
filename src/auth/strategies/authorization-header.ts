type Headers = Record<string, string | string[] | undefined>;

/** The credentials of `Authorization: <scheme> <credentials>` when the scheme matches (case-insensitively). */
export function authorizationCredentials(headers: Headers, scheme: 'bearer' | 'basic'): string | undefined {
  const header = headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^(\S+)\s+(\S+)\s*$/.exec(header);
  return match && match[1].toLowerCase() === scheme ? match[2] : undefined;
}

export function authorizationScheme(headers: Headers): string | undefined {
  const header = headers.authorization;
  return typeof header === 'string' ? header.trim().split(/\s+/)[0]?.toLowerCase() : undefined;
}
