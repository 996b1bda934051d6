import type { FastifyRequest } from 'fastify';
import { ResourceNotFoundException } from '../errors/api-exceptions';
import { RespanParameters } from '../openapi/schema-styles';
import { ValidateInt } from '../validation/validation';

export const DRF_MAX_PAGE_SIZE = 100;

/** `page` (from 1) and `page_size` (1–100, default 50), as DRF's PageNumberPagination. */
@RespanParameters()
export class DrfPageQuery {
  @ValidateInt({ optional: true, default: 1, min: 1, description: 'A page number within the paginated result set.' })
  page: number = 1;

  @ValidateInt({ optional: true, default: 50, min: 1, max: DRF_MAX_PAGE_SIZE, description: 'Number of results to return per page.' })
  page_size: number = 50;
}

export interface DrfPage<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

/** The offset of a page; a page past the last one is DRF's `404 {"detail": "Invalid page."}`. */
export function pageOffset(query: DrfPageQuery, count: number): number {
  const pages = Math.max(1, Math.ceil(count / query.page_size));
  if (query.page > pages) throw new ResourceNotFoundException('Page', 'Invalid page.');
  return (query.page - 1) * query.page_size;
}

function pageUrl(request: FastifyRequest, page: number): string {
  const url = new URL(request.url, `${request.protocol}://${request.host}`);
  if (page === 1) url.searchParams.delete('page');
  else url.searchParams.set('page', String(page));
  return url.toString();
}

/** `{count, next, previous, results}` with absolute `next`/`previous` links, as DRF renders a page. */
export function drfPage<T>(request: FastifyRequest, query: DrfPageQuery, count: number, results: T[]): DrfPage<T> {
  const last = Math.max(1, Math.ceil(count / query.page_size));
  return {
    count,
    next: query.page < last ? pageUrl(request, query.page + 1) : null,
    previous: query.page > 1 ? pageUrl(request, query.page - 1) : null,
    results,
  };
}
