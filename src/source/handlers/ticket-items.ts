import type { CatchUpSpec } from '../catch-up';
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
 * §6, §13.13): one bit per ticket number. A ticket met twice tells the scan that tickets moved,
 * and the catch-up pass then looks for those it never met (`catchUp`).
 */
export function ticketItemHandler(
  context: ReadContext,
  cursors: TicketCursors,
): { handle: ItemHandler; catchUp: CatchUpSpec; finishFirst(number: number): Ticket } {
  const seen = new TicketNumberSet();

  const handle: ItemHandler = async function* handleTicket(item, place) {
    const number = ticketNumberOf(item);
    if (number === undefined) {
      yield skipped('a ticket without a usable number');
      return false;
    }
    if (!seen.add(number) && !place.catchingUp) {
      // The ticket a resumed read finished first, still at its slot: nothing moved.
      if (place.finishedHere !== number) place.noteRepeat();
      return false;
    }

    const time = parseGrooveTime(item['updated_at']);
    const key = `ticket ${number}`;
    const { tickets, messages, attachments } = cursors;
    const at = place.position;
    const fresh = (cursor: ScanCursor | undefined) =>
      cursor !== undefined && place.isNew(cursor, at);
    // A stopped read handled this ticket and part of its children: it admitted it then.
    const inside = (cursor: ScanCursor | undefined) =>
      cursor !== undefined && place.resumesInside(cursor, at, { number });
    // The catch-up pass leaves the latest time alone: it dates the scan's start for that pass.
    for (const cursor of [tickets, messages, attachments]) {
      if (fresh(cursor) && !place.catchingUp) cursor?.observe(time);
    }

    if (fresh(tickets) && tickets?.admit(time, key) === true) {
      yield { type: 'RECORD', stream: 'tickets', record: item } satisfies SourceMessage;
    }

    const children = {
      messages:
        inside(messages) || (fresh(messages) && messages?.admit(time, key) === true)
          ? messages
          : undefined,
      attachments:
        item['attachment_count'] !== 0 &&
        (inside(attachments) || (fresh(attachments) && attachments?.admit(time, key) === true))
          ? attachments
          : undefined,
    };
    const nothingToRead = children.messages === undefined && children.attachments === undefined;
    // A ticket that says it has no messages costs no request (message_count, §5.1).
    if (nothingToRead || item['message_count'] === 0) return false;

    yield* readTicketMessages(context, number, children, place);
    return true;
  };

  const catchUp: CatchUpSpec = {
    numberOf: ticketNumberOf,
    timeOf: (item) => parseGrooveTime(item['updated_at']),
    met: (number) => seen.has(number),
  };
  // Only its children are read: its record was handled before the read stopped inside it.
  const finishFirst = (number: number): Ticket => ({ number });
  return { handle, catchUp, finishFirst };
}

type Ticket = Record<string, unknown>;

function ticketNumberOf(item: Record<string, unknown>): number | undefined {
  const number = item['number'];
  return typeof number === 'number' && Number.isSafeInteger(number) ? number : undefined;
}
