import { HttpException, HttpStatus } from '@nestjs/common';
import {
  AuthenticationRequiredException,
  RateLimitedException,
  RequestValidationException,
  ResourceNotFoundException,
  RuleViolationException,
  ServiceUnavailableException,
} from '../errors/api-exceptions';
import type { ValidationIssue } from '../errors/validation-issue';
import { MalformedJsonException } from '../http/malformed-json.exception';
import { isDatabaseUnavailable } from './database-errors';

/** Every error the API can answer with, before a dialect renders it. */
export type ApiError =
  | { kind: 'validation'; issues: ValidationIssue[] }
  | { kind: 'malformed_json'; position: number; reason: string }
  | { kind: 'unauthenticated'; reason: 'missing' | 'invalid'; challenge: string; detail?: string }
  | { kind: 'not_found'; resource?: string; detail?: string }
  | { kind: 'unknown_route'; method: string }
  | { kind: 'rule'; status: number; message: string }
  | { kind: 'too_large' }
  | { kind: 'unsupported_media_type'; contentType: string }
  | { kind: 'throttled'; retryAfterSeconds?: number }
  | { kind: 'unavailable'; message: string }
  | { kind: 'http'; status: number; message: string }
  | { kind: 'internal' };

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message;
}

/** Classifies anything thrown while serving a request; `contentType` is the request's. */
export function toApiError(exception: unknown, request: { method: string; contentType?: string }): ApiError {
  if (exception instanceof RequestValidationException) return { kind: 'validation', issues: exception.issues };
  if (exception instanceof MalformedJsonException)
    return { kind: 'malformed_json', position: exception.position, reason: exception.reason };
  if (exception instanceof AuthenticationRequiredException) {
    return { kind: 'unauthenticated', reason: exception.reason, challenge: exception.challenge, detail: exception.detail };
  }
  if (exception instanceof RateLimitedException) return { kind: 'throttled', retryAfterSeconds: exception.retryAfterSeconds };
  if (exception instanceof ResourceNotFoundException) return { kind: 'not_found', resource: exception.resource, detail: exception.message };
  if (exception instanceof RuleViolationException) return { kind: 'rule', status: exception.getStatus(), message: exception.message };
  if (exception instanceof ServiceUnavailableException) return { kind: 'unavailable', message: exception.message };
  if (isDatabaseUnavailable(exception)) return { kind: 'unavailable', message: 'The database is unavailable; retry shortly.' };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status === HttpStatus.NOT_FOUND && /^Cannot [A-Z]+ /.test(messageOf(exception)))
      return { kind: 'unknown_route', method: request.method };
    if (status === HttpStatus.TOO_MANY_REQUESTS) return { kind: 'throttled' };
    if (status === HttpStatus.PAYLOAD_TOO_LARGE) return { kind: 'too_large' };
    if (status === HttpStatus.UNSUPPORTED_MEDIA_TYPE) return { kind: 'unsupported_media_type', contentType: request.contentType ?? '' };
    if (status >= 500) return { kind: 'internal' };
    return { kind: 'http', status, message: messageOf(exception) };
  }
  const fastifyError = exception as FastifyLikeError;
  if (typeof fastifyError?.code === 'string' && fastifyError.code.startsWith('FST_')) {
    if (fastifyError.statusCode === 413) return { kind: 'too_large' };
    if (fastifyError.statusCode === 415) return { kind: 'unsupported_media_type', contentType: request.contentType ?? '' };
    if (fastifyError.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') return { kind: 'http', status: 400, message: 'Invalid Content-Length' };
    if (fastifyError.code === 'FST_ERR_MAX_PARAM_LENGTH') return { kind: 'http', status: 414, message: 'A path parameter is too long' };
    if (fastifyError.code === 'FST_ERR_BAD_URL') return { kind: 'http', status: 400, message: 'The URL is malformed' };
    if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      return { kind: 'http', status: fastifyError.statusCode, message: fastifyError.message ?? 'Bad Request' };
    }
  }
  return { kind: 'internal' };
}
