import { HttpException, HttpStatus } from '@nestjs/common';

/** The body is not JSON: `position` is the character offset the parser stopped at. */
export class MalformedJsonException extends HttpException {
  constructor(
    readonly position: number,
    readonly reason: string,
  ) {
    super(`JSON parse error - ${reason}`, HttpStatus.BAD_REQUEST);
  }
}
