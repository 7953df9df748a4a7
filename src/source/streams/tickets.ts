import type { ScanTarget, StreamConfig, StreamDefinition } from './types';

export const ticketsStream: StreamDefinition = {
  name: 'tickets',
  description:
    'Tickets (GET /tickets), keyed by number, optionally filtered by state, folder, assignee or customer. Incremental reads scan every ticket page (Groove v1 has no "updated since" filter) and emit only tickets updated since the last read.',
  schemaFile: 'records/tickets.schema.json',
  incremental: true,
};

/** The ticket filters Groove's list accepts (reference/groove-api.md §3 row 1). */
export type TicketFilters = Pick<StreamConfig, 'state' | 'folder' | 'assignee' | 'customer'>;

export function ticketFilters(config: StreamConfig | undefined): TicketFilters {
  const filters: TicketFilters = {};
  if (config?.state !== undefined) filters.state = config.state;
  if (config?.folder !== undefined) filters.folder = config.folder;
  if (config?.assignee !== undefined) filters.assignee = config.assignee;
  if (config?.customer !== undefined) filters.customer = config.customer;
  return filters;
}

export function ticketListTarget(filters: TicketFilters): ScanTarget {
  return {
    part: '',
    path: '/tickets',
    query: { ...filters },
    itemsKey: 'tickets',
    subject: 'tickets',
  };
}
