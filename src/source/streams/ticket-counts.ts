import { UnexpectedResponseError } from '../../errors';
import type { RecordMessage } from '../messages';
import type { ReadContext } from '../read-context';
import type { StreamConfig, StreamDefinition } from './types';

export const ticketCountsStream: StreamDefinition = {
  name: 'ticket_counts',
  description:
    'How many tickets each folder holds (GET /tickets/count), of every mailbox or of the one given as Mailbox: one record per folder.',
  schemaFile: 'records/ticket_counts.schema.json',
  incremental: false,
};

/** GET /tickets/count answers a bare map {"<folder_id>": count}, with no envelope (§3 row 10). */
export async function* readTicketCounts(
  config: StreamConfig,
  context: ReadContext,
): AsyncGenerator<RecordMessage> {
  const response = await context.client.request<unknown>({
    method: 'GET',
    path: '/tickets/count',
    query: { mailbox: config.mailbox },
    subject: 'ticket counts',
    signal: context.signal,
  });

  const counts = response.data;
  if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) {
    throw new UnexpectedResponseError('Groove answered GET /tickets/count without a count map.', {
      request: 'GET /tickets/count',
    });
  }

  for (const [folderId, count] of Object.entries(counts as Record<string, unknown>)) {
    if (typeof count !== 'number' || !Number.isInteger(count)) continue;
    const record: Record<string, unknown> = { folder_id: folderId, count };
    if (config.mailbox !== undefined) record['mailbox'] = config.mailbox;
    yield { type: 'RECORD', stream: 'ticket_counts', record };
  }
}
