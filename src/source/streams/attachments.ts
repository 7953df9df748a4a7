import type { ScanTarget, StreamDefinition } from './types';

export const attachmentsStream: StreamDefinition = {
  name: 'attachments',
  description:
    'Attachment metadata (file name, size, link) of every message (GET /attachments?message=ID), of every ticket or of the tickets given as Ticket Numbers; each record carries its message_id, ticket_number and position (its place among its message’s attachments, from 0; with message_id, the primary key). Tickets whose attachment_count is 0 are not asked about. Incremental reads ask only about messages updated since the last read.',
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

/**
 * The attachment as a record: Groove's fields plus `message_id`, `ticket_number` and
 * `position`, its place in the message's list from 0. Groove gives attachments no id and a
 * message may carry two files of the same name (reference/groove-api.md §5.6); a message's
 * attachments do not change, so (message_id, position) names one attachment for good.
 */
export function toAttachmentRecord(
  item: Record<string, unknown>,
  messageId: string,
  ticketNumber: number,
  position: number,
): Record<string, unknown> {
  return { ...item, message_id: messageId, ticket_number: ticketNumber, position };
}
