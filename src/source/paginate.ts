import { UnexpectedResponseError } from '../errors';
import { throwIfCancelled, type ReadContext } from './read-context';
import type { ScanTarget } from './streams/types';

export type GrooveQuery = Readonly<Record<string, string | number | undefined>>;

/** Groove's largest page (reference/groove-api.md §6): the fewest requests per record. */
export const GROOVE_MAX_PER_PAGE = 50;

/** However the pagination block reads, no list is paged past this many pages (10 M records). */
export const ABSOLUTE_MAX_PAGES = 200_000;

/** Empty 2xx answers after which a page is given up on. */
export const PAGE_ATTEMPTS = 3;

export interface Page {
  number: number;
  items: Array<Record<string, unknown>>;
  /** No page follows this one. */
  last: boolean;
  /** Groove's clock when it served the page (the Date header), if it said. */
  servedAt: number | undefined;
}

interface Pagination {
  current_page?: unknown;
  total_pages?: unknown;
  total_count?: unknown;
  next_page?: unknown;
}

/**
 * The pages of one Groove list, from `firstPage` on, fetched one at a time as the caller asks
 * (nothing is fetched ahead). Every request is rebuilt here on the configured origin with the
 * list's filters and `per_page` repeated: `next_page` URLs are never followed, as they name
 * other hosts and drop `per_page` (§13.14). It ends on an empty page, a null `next_page`,
 * `current_page >= total_pages`, or a bound derived from `total_count`, so a pagination block
 * that never says "done" cannot keep it going (§6, §13.13).
 */
export async function* paginate(
  context: ReadContext,
  target: ScanTarget,
  firstPage: number,
): AsyncGenerator<Page> {
  let bound = ABSOLUTE_MAX_PAGES;

  for (let number = firstPage; ; number += 1) {
    throwIfCancelled(context);
    const { response, items, pagination } = await fetchPage(context, target, number);
    if (number === firstPage) bound = pageBound(pagination?.total_count);

    const done = saysDone(number, items, pagination);
    if (!done && number >= bound) {
      context.logger.warn('Stopped paging: Groove claims more pages than its total_count allows', {
        path: target.path,
        page: number,
      });
    }

    const servedAt = Date.parse(response.headers['date'] ?? '');
    const last = done || number >= bound;
    yield { number, items, last, servedAt: Number.isNaN(servedAt) ? undefined : servedAt };
    if (last) return;
  }
}

/**
 * One page, asked again (a bounded number of times) when a 2xx came with an empty body: from a
 * proxy in front of Groove that is a glitch, like a 502, and a list always has a body. Any other
 * body without the list is a real mismatch and fails at once.
 */
async function fetchPage(context: ReadContext, target: ScanTarget, number: number) {
  for (let attempt = 1; ; attempt += 1) {
    const response = await context.client.request<unknown>({
      method: 'GET',
      path: target.path,
      query: { ...target.query, page: number, per_page: GROOVE_MAX_PER_PAGE },
      subject: target.subject,
      signal: context.signal,
    });
    if (response.data !== null || attempt >= PAGE_ATTEMPTS) {
      return { response, ...readEnvelope(response.data, target) };
    }
    context.logger.warn('Asking again for a page answered with an empty body', {
      path: target.path,
      page: number,
      attempt,
    });
  }
}

function readEnvelope(
  data: unknown,
  target: ScanTarget,
): { items: Array<Record<string, unknown>>; pagination: Pagination | undefined } {
  const body = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const items = body[target.itemsKey];
  const wellFormed =
    Array.isArray(items) &&
    items.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item));
  if (!wellFormed) {
    throw new UnexpectedResponseError(
      `Groove answered GET ${target.path} without a "${target.itemsKey}" list of objects.`,
      { request: `GET ${target.path}` },
    );
  }

  const meta = body['meta'] as { pagination?: unknown } | undefined;
  const pagination = meta?.pagination;
  const hasPagination = typeof pagination === 'object' && pagination !== null;
  return {
    items: items as Array<Record<string, unknown>>,
    pagination: hasPagination ? (pagination as Pagination) : undefined,
  };
}

/** Whatever says "last page" ends the list; a list with no pagination block is one page. */
function saysDone(number: number, items: unknown[], pagination: Pagination | undefined): boolean {
  if (items.length === 0 || pagination === undefined) return true;
  if (pagination.next_page === null) return true;
  const totalPages = pagination.total_pages;
  return typeof totalPages === 'number' && number >= totalPages;
}

/**
 * The last page worth asking for: the pages total_count needs, plus slack for records added
 * while paging (2 pages and a tenth). Without a usable total_count, the absolute cap.
 */
export function pageBound(totalCount: unknown): number {
  if (typeof totalCount !== 'number' || !Number.isFinite(totalCount) || totalCount < 0) {
    return ABSOLUTE_MAX_PAGES;
  }
  const pages = Math.ceil(totalCount / GROOVE_MAX_PER_PAGE);
  return Math.min(ABSOLUTE_MAX_PAGES, pages + 2 + Math.ceil(pages / 10));
}
