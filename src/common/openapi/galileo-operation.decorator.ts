import { HttpCode, HttpStatus, Type, applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { HttpValidationErrorSchema } from './fastapi-schemas';

export interface GalileoOperationOptions {
  operationId: string;
  summary: string;
  description?: string;
  /** The 200 body: a schema class, or a raw schema for non-model answers (e.g. a list of strings). */
  response: Type<unknown> | Record<string, unknown>;
  /** FastAPI documents a 422 on every operation that takes parameters or a body. */
  validatesInput?: boolean;
}

/**
 * A Galileo operation as FastAPI documents it (operationId, summary, 200 "Successful Response", 422)
 * and answers it: 200 for every success, creates and deletes included.
 */
export function GalileoOperation(options: GalileoOperationOptions): MethodDecorator {
  const ok =
    typeof options.response === 'function'
      ? ApiOkResponse({ description: 'Successful Response', type: options.response })
      : ApiOkResponse({ description: 'Successful Response', schema: options.response });
  return applyDecorators(
    HttpCode(HttpStatus.OK),
    ApiOperation({
      operationId: options.operationId,
      summary: options.summary,
      ...(options.description ? { description: options.description } : {}),
    }),
    ok,
    ...(options.validatesInput === false
      ? []
      : [ApiResponse({ status: 422, description: 'Validation Error', type: HttpValidationErrorSchema })]),
  );
}
