import { HttpStatus } from '@nestjs/common';
import { StateConflictException } from '../../common/errors/api-exceptions';

/** A score's ETag: its revision counter, which every write raises. */
export const etagOf = (revision: number): string => `"${revision}"`;

/** Whether an `If-Match` header (absent, `*`, or a list of tags, weak ones compared by their value) allows writing `revision`. */
export function ifMatchAllows(ifMatch: string | undefined, revision: number): boolean {
  if (ifMatch === undefined || ifMatch.trim() === '*') return true;
  const current = etagOf(revision);
  return ifMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === current);
}

export function checkIfMatch(ifMatch: string | undefined, revision: number): void {
  if (!ifMatchAllows(ifMatch, revision)) {
    throw new StateConflictException(
      `Precondition failed: the score has changed (its ETag is now ${etagOf(revision)}).`,
      HttpStatus.PRECONDITION_FAILED,
    );
  }
}
