import type { SourceMessage } from '../messages';
import type { ReadContext } from '../read-context';
import type { ItemHandler } from '../scan';
import type { ScanCursor } from '../scan-cursor';
import { TicketNumberSet } from '../ticket-number-set';
import { parseGrooveTime } from '../timestamps';
import { readTicketMessages, skipped } from './children';

export interface TicketCursors {
  tickets: ScanCursor | undefined;
  messages: ScanCursor | undefined;
  attachments: ScanCursor | undefined;
}

/**
 * One ticket of a ticket scan: its record, then its messages and attachments when those
 * streams are read and the ticket changed since their watermark.
 *
 * A ticket's updated_at moves when a message is added (ticket 776 in groove-samples was
 * updated at the very second of its agent reply), so an unchanged ticket has no new messages
 * and costs no request; no per-ticket state is kept. Tickets are de-duplicated by number for
 * the whole read, as Groove's ticket order moves while it is paged (reference/groove-api.md
 * §6, §13.13): one bit per ticket number.
 */
export function ticketItemHandler(context: ReadContext, cursors: TicketCursors): ItemHandler {
  const seen = new TicketNumberSet();

  return async function* handleTicket(item, place): AsyncGenerator<SourceMessage, boolean> {
    const number = item['number'];
    if (typeof number !== 'number' || !Number.isSafeInteger(number)) {
      yield skipped('a ticket without a usable number');
      return false;
    }
    if (!seen.add(number)) return false;

    const time = parseGrooveTime(item['updated_at']);
    const { tickets, messages, attachments } = cursors;
    const fresh = (cursor: ScanCursor | undefined) => cursor !== undefined && place.isNew(cursor);
    for (const cursor of [tickets, messages, attachments]) if (fresh(cursor)) cursor?.observe(time);

    if (fresh(tickets) && tickets?.accepts(time) === true) {
      yield { type: 'RECORD', stream: 'tickets', record: item };
    }

    const children = {
      messages: fresh(messages) && messages?.accepts(time) === true ? messages : undefined,
      attachments:
        fresh(attachments) && attachments?.accepts(time) === true && item['attachment_count'] !== 0
          ? attachments
          : undefined,
    };
    const nothingToRead = children.messages === undefined && children.attachments === undefined;
    // A ticket that says it has no messages costs no request (message_count, §5.1).
    if (nothingToRead || item['message_count'] === 0) return false;

    yield* readTicketMessages(context, number, children);
    return true;
  };
}
