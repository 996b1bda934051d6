/** Log paths that may hold a credential; pino replaces them wherever a log line carries them. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["galileo-api-key"]',
  'req.headers.cookie',
  'headers.authorization',
  'headers["galileo-api-key"]',
  'password',
  '*.password',
  'api_key',
  '*.api_key',
  'access_token',
  '*.access_token',
  'token',
  '*.token',
  'secret',
  '*.secret',
];
