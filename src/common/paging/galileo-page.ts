import { GalileoParameters } from '../openapi/schema-styles';
import { IntField } from '../validation/fields';

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
