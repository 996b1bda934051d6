import { isEmail, isUUID } from 'class-validator';
import { RequestValidationException } from '../common/errors/api-exceptions';

/**
 * What organizations, users and API keys accept, whichever way they are created (HTTP, the CLI, the
 * start-up administrator): each check raises a RequestValidationException naming the field.
 */
export const IDENTITY_LIMITS = { organizationName: 400, email: 320, passwordMin: 8, passwordMax: 1024 } as const;

// eslint-disable-next-line no-control-regex
const CONTROL_OR_LONE_SURROGATE = /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function refuse(field: string, msg: string, input: unknown, secret = false): never {
  throw new RequestValidationException([
    { type: 'value_error', loc: ['body', field], msg: `Value error, ${msg}`, input: secret ? '[redacted]' : input },
  ]);
}

/** A name with visible characters, at most 400, no control character; returned trimmed. */
export function checkOrganizationName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') refuse('name', 'an organization name must not be empty', name);
  if (trimmed.length > IDENTITY_LIMITS.organizationName)
    refuse('name', `an organization name has at most ${IDENTITY_LIMITS.organizationName} characters`, name);
  if (CONTROL_OR_LONE_SURROGATE.test(trimmed)) refuse('name', 'an organization name must not contain control characters', name);
  return trimmed;
}

/** An e-mail address (as SCOREKEEPER_ADMIN_EMAIL is checked); returned trimmed and lower-cased. */
export function checkEmail(email: string): string {
  const normalized = email.trim().toLowerCase();
  if (normalized.length > IDENTITY_LIMITS.email || !isEmail(normalized)) refuse('email', 'must be an e-mail address', email);
  return normalized;
}

/** 8 to 1024 characters (as SCOREKEEPER_ADMIN_PASSWORD is checked), no NUL. */
export function checkPassword(password: string): void {
  if (password.length < IDENTITY_LIMITS.passwordMin)
    refuse('password', `a password has at least ${IDENTITY_LIMITS.passwordMin} characters`, password, true);
  if (password.length > IDENTITY_LIMITS.passwordMax)
    refuse('password', `a password has at most ${IDENTITY_LIMITS.passwordMax} characters`, password, true);
  if (CONTROL_OR_LONE_SURROGATE.test(password)) refuse('password', 'a password must not contain control characters', password, true);
}

/** A key that expired before it was created could never be used nor listed. */
export function checkExpiry(expiresAt: Date | null, input: unknown, now = Date.now()): void {
  if (expiresAt && expiresAt.getTime() <= now) refuse('expires_at', 'expires_at must be in the future', input);
}

/** An id of ours is a UUID: anything else names nothing (and never reaches the database). */
export function checkId(field: string, value: string): void {
  if (!isUUID(value)) refuse(field, 'must be a UUID', value);
}
