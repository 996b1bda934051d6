import { GalileoParameters } from '../openapi/schema-styles';
import { BooleanField, IntField } from '../validation/fields';

export const GALILEO_MAX_LIMIT = 1000;

/** `starting_token` (an offset) and `limit`, as Galileo pages its lists. */
@GalileoParameters()
export class GalileoPageQuery {
  @IntField({ required: false, default: 0, applyDefault: true, coerce: true, min: 0 })
  starting_token: number;

  @IntField({ required: false, default: 100, applyDefault: true, coerce: true, min: 1, max: GALILEO_MAX_LIMIT })
  limit: number;
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
  @IntField({ required: false, default: 0 })
  starting_token: number;

  @IntField({ required: false, default: 100 })
  limit: number;

  @BooleanField({ required: false, default: false })
  paginated: boolean;

  @IntField({ required: false, nullable: true })
  next_starting_token: number | null;
}
