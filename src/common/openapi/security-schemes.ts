/** Security scheme names, as the Galileo seed and the Respan reference name them. */
export const SECURITY = {
  galileoApiKey: 'APIKeyHeader',
  galileoOAuth2: 'OAuth2PasswordBearer',
  galileoBasic: 'HTTPBasic',
  respanApiKey: 'respanApiKey',
  respanJwt: 'dashboardJwt',
} as const;

export const GALILEO_API_KEY_HEADER = 'Galileo-API-Key';
