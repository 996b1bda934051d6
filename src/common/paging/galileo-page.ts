import { GalileoParameters } from '../openapi/schema-styles';
import { ValidateBoolean, ValidateInt } from '../validation/validation';

export const GALILEO_MAX_LIMIT = 1000;

/** `starting_token` (an offset) and `limit`, as Galileo pages its lists. */
@GalileoParameters()
export class GalileoPageQuery {
  @ValidateInt({ optional: true, default: 0, min: 0 })
  starting_token: number = 0;

  @ValidateInt({ optional: true, default: 100, min: 1, max: GALILEO_MAX_LIMIT })
  limit: number = 100;
}

/** The paging keys of a Galileo list response: the request echoed, and the next offset or null. */
export function galileoPage(query: GalileoPageQuery, more: boolean) {
  return {
    starting_token: query.starting_token,
    limit: query.limit,
    paginated: true,
    next_starting_token: more ? query.starting_token + query.limit : null,
  };
}

/** The paging keys every Galileo list response carries (subclasses add the list). */
export abstract class GalileoPageResponse {
  @ValidateInt({ optional: true, default: 0 })
  starting_token: number;

  @ValidateInt({ optional: true, default: 100 })
  limit: number;

  @ValidateBoolean({ optional: true, default: false })
  paginated: boolean;

  @ValidateInt({ optional: true, nullable: true })
  next_starting_token: number | null;
}
