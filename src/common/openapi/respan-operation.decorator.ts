import { HttpCode, Type, applyDecorators } from '@nestjs/common';
import { ApiOperation, ApiResponse, type ApiResponseCommonMetadata } from '@nestjs/swagger';

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad Request Error',
  401: 'Unauthorized Error',
  404: 'Not Found Error',
  409: 'Conflict Error',
  412: 'Precondition Failed Error',
};

export interface RespanOperationOptions {
  operationId: string;
  summary: string;
  description?: string;
  /** The success status: 200, 201 (create) or 204 (delete, no body). */
  status: 200 | 201 | 204;
  /** What the success answer is (its description) and its body schema. */
  responseDescription: string;
  response?: Type<unknown>;
  /** Instead of `response`: the body per media type (e.g. a streamed file in several formats). */
  content?: ApiResponseCommonMetadata['content'];
  /** The documented error statuses. */
  errors: (keyof typeof ERROR_DESCRIPTIONS)[];
}

/** A Respan (DRF) operation: its success status and body, and its documented error statuses. */
export function RespanOperation(options: RespanOperationOptions): MethodDecorator {
  return applyDecorators(
    HttpCode(options.status),
    ApiOperation({
      operationId: options.operationId,
      summary: options.summary,
      ...(options.description ? { description: options.description } : {}),
    }),
    ApiResponse({
      status: options.status,
      description: options.responseDescription,
      ...(options.response ? { type: options.response } : {}),
      ...(options.content ? { content: options.content } : {}),
    }),
    ...options.errors.map((status) => ApiResponse({ status, description: ERROR_DESCRIPTIONS[status] })),
  );
}
