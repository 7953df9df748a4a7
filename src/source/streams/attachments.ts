import type { ScanTarget, StreamDefinition } from './types';

export const attachmentsStream: StreamDefinition = {
  name: 'attachments',
  description:
    'Attachment metadata (file name, size, link) of every message (GET /attachments?message=ID), of every ticket or of the tickets given as Ticket Numbers; each record carries its message_id and ticket_number. Tickets whose attachment_count is 0 are not asked about. Incremental reads ask only about messages updated since the last read.',
  schemaFile: 'records/attachments.schema.json',
  incremental: true,
};

export function attachmentsTarget(
  messageId: string,
  messageParam: string,
  ticketNumber: number,
): ScanTarget {
  return {
    part: messageId,
    path: '/attachments',
    query: { message: messageParam },
    itemsKey: 'attachments',
    subject: `the attachments of message ${messageId} of ticket ${ticketNumber}`,
    skippable: true,
  };
}

export function toAttachmentRecord(
  item: Record<string, unknown>,
  messageId: string,
  ticketNumber: number,
): Record<string, unknown> {
  return { ...item, message_id: messageId, ticket_number: ticketNumber };
}
