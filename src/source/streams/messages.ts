import type { ScanTarget, StreamDefinition } from './types';

export const messagesStream: StreamDefinition = {
  name: 'messages',
  description:
    'Messages and private notes of every ticket (GET /tickets/:ticket_number/messages), or of the tickets given as Ticket Numbers; each record carries its ticket_number. Incremental reads fetch messages again only for tickets updated since the last read.',
  schemaFile: 'records/messages.schema.json',
  incremental: true,
};

export function messagesTarget(ticketNumber: number): ScanTarget {
  return {
    part: String(ticketNumber),
    path: `/tickets/${ticketNumber}/messages`,
    itemsKey: 'messages',
    subject: `ticket ${ticketNumber}`,
    skippable: true,
  };
}

/**
 * The message as a record: Groove's fields plus `ticket_number`, and `id` taken from the
 * message's `href` when the item has none (the documented list items carry no id field:
 * reference/groove-samples/messages-list.json). Undefined when no id can be found at all.
 */
export function toMessageRecord(
  item: Record<string, unknown>,
  ticketNumber: number,
): Record<string, unknown> | undefined {
  const id = messageId(item);
  return id === undefined ? undefined : { ...item, id, ticket_number: ticketNumber };
}

function messageId(item: Record<string, unknown>): string | undefined {
  const { id, href } = item;
  if (typeof id === 'string' && id !== '') return id;
  if (typeof id === 'number' && Number.isSafeInteger(id)) return String(id);
  if (typeof href !== 'string') return undefined;
  return /\/messages\/([^/?#]+)\/?(?:[?#]|$)/.exec(href)?.[1];
}

/**
 * The id to ask /attachments about. Groove's own link says which (`links.attachments.href`,
 * `?message=<id>`); only its query value is used, the URL itself is never requested.
 */
export function attachmentsMessageParam(record: Record<string, unknown>): string {
  const links = record['links'] as Record<string, { href?: unknown } | undefined> | undefined;
  const href = links?.['attachments']?.href;
  if (typeof href === 'string') {
    const value = /[?&]message=([^&#]+)/.exec(href)?.[1];
    if (value !== undefined) return decodeURIComponent(value);
  }
  return String(record['id']);
}
