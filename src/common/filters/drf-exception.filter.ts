import { Catch } from '@nestjs/common';
import { DialectExceptionFilter } from './dialect-exception.filter';
import { renderDrfError } from './drf-errors';

/** Respan routes (`/api`) answer errors as Django REST Framework does. */
@Catch()
export class DrfExceptionFilter extends DialectExceptionFilter {
  protected render = renderDrfError;
}
