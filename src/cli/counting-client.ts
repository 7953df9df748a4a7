import type { GrooveClient, GrooveRequest, GrooveResponse } from '../client/types';

/** What a counting client reports of the lists it pages through. */
export interface ListTotal {
  /** The list's path, e.g. `/tickets`. */
  path: string;
  /** Groove's `meta.pagination.total_count` on the list's first page. */
  totalCount: number;
}

/**
 * Wraps a client to see each answer's `meta.pagination` (the only place Groove says how much a
 * list holds) without the source knowing: progress uses it for a percentage and time left.
 * Only numbers leave here, never a body.
 */
export function countingClient(
  client: GrooveClient,
  onFirstPage: (total: ListTotal) => void,
): GrooveClient {
  return {
    get stats() {
      return client.stats;
    },
    async request<T>(request: GrooveRequest): Promise<GrooveResponse<T>> {
      const response = await client.request<T>(request);
      const page = Number(request.query?.['page'] ?? 1);
      const totalCount = totalCountOf(response.data);
      if (page === 1 && totalCount !== undefined) onFirstPage({ path: request.path, totalCount });
      return response;
    },
  };
}

function totalCountOf(data: unknown): number | undefined {
  const meta = (data as { meta?: { pagination?: { total_count?: unknown } } } | null)?.meta;
  const total = meta?.pagination?.total_count;
  return typeof total === 'number' && Number.isInteger(total) && total >= 0 ? total : undefined;
}
