import { Catch } from '@nestjs/common';
import { DialectExceptionFilter } from './dialect-exception.filter';
import { renderFastApiError } from './fastapi-errors';

/** Galileo routes (`/v2`, `/login`, `/healthcheck`) answer errors as FastAPI does. */
@Catch()
export class FastApiExceptionFilter extends DialectExceptionFilter {
  protected render = renderFastApiError;
}
