import { HttpException, HttpStatus } from '@nestjs/common';
import type { ValidationIssue } from './validation-issue';

/** Invalid input: FastAPI answers 422 with the issues, DRF 400 keyed by field. */
export class RequestValidationException extends HttpException {
  constructor(readonly issues: ValidationIssue[]) {
    super('Request validation failed', HttpStatus.UNPROCESSABLE_ENTITY);
  }
}

/** The named resource does not exist in the caller's organization. */
export class ResourceNotFoundException extends HttpException {
  constructor(
    readonly resource: string,
    detail?: string,
  ) {
    super(detail ?? `${resource} not found`, HttpStatus.NOT_FOUND);
  }
}

/** A business rule concerning no single field (DRF `{"error": ...}`). */
export class RuleViolationException extends HttpException {
  constructor(message: string, status: HttpStatus = HttpStatus.BAD_REQUEST) {
    super(message, status);
  }
}

/** A request that cannot be applied in the resource's current state (409, 412). */
export class StateConflictException extends HttpException {}

/**
 * Missing or rejected credentials; `challenge` is the `WWW-Authenticate` value. `detail` replaces
 * FastAPI's "Not authenticated" where Galileo words it otherwise (a failed sign-in).
 */
export class AuthenticationRequiredException extends HttpException {
  constructor(
    readonly reason: 'missing' | 'invalid',
    readonly challenge: string,
    readonly detail?: string,
  ) {
    super(detail ?? (reason === 'missing' ? 'Not authenticated' : 'Invalid credentials'), HttpStatus.UNAUTHORIZED);
  }
}

/** Too many requests; the client may retry after `retryAfterSeconds`. */
export class RateLimitedException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super('Too Many Requests', HttpStatus.TOO_MANY_REQUESTS);
  }
}

/** The database could not be reached in time: the client may retry. */
export class ServiceUnavailableException extends HttpException {
  constructor(message = 'The database is unavailable; retry shortly.') {
    super(message, HttpStatus.SERVICE_UNAVAILABLE);
  }
}
