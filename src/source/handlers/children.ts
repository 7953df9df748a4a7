import type { LogMessage, SourceMessage } from '../messages';
import { GROOVE_MAX_PER_PAGE, paginate } from '../paginate';
import { within, type Step } from '../positions';
import type { ReadContext } from '../read-context';
import { isChildRefusal, type ItemPlace } from '../scan';
import type { ScanCursor } from '../scan-cursor';
import type { Owner, ScanPosition } from '../state/state';
import { attachmentsTarget, toAttachmentRecord } from '../streams/attachments';
import { attachmentsMessageParam, messagesTarget, toMessageRecord } from '../streams/messages';
import type { ScanTarget } from '../streams/types';
import { parseGrooveTime } from '../timestamps';

export interface ChildCursors {
  messages: ScanCursor | undefined;
  attachments: ScanCursor | undefined;
}

/** One message and where it sits: in its ticket's list, inside the scanned item. */
export interface MessageAt {
  message: Record<string, unknown>;
  ticketNumber: number;
  /** The message's scan position, which its attachments' positions sit inside. */
  at: ScanPosition;
  /** The ids already met in this ticket's list (de-duplicated within the ticket). */
  ids: Set<string>;
}

/**
 * The messages of the ticket at `place.position` (and their attachments when asked), from
 * where a stopped read left them. A checkpoint comes before the first request and after every
 * page, so a read stopped inside a ticket resumes after the last page it emitted, without the
 * ticket again. Messages are de-duplicated by id within the ticket (memory bounded by one
 * ticket's messages); after a resume, from the resumed page on only.
 */
export async function* readTicketMessages(
  context: ReadContext,
  ticketNumber: number,
  cursors: ChildCursors,
  place: ItemPlace,
): AsyncGenerator<SourceMessage> {
  const ticket = place.position;
  const ids = new Set<string>();

  const owner = { number: ticketNumber };
  const list = { parent: ticket, owner, closing: place.finishing };
  const lists = childPages(context, messagesTarget(ticketNumber), list, place);
  for await (const page of lists) {
    if ('type' in page) {
      yield page;
      continue;
    }
    for (const [index, item] of page.items.entries()) {
      const message = toMessageRecord(item, ticketNumber);
      if (message === undefined) {
        yield skipped(`a message of ticket ${ticketNumber} that has neither id nor href`);
        continue;
      }
      const at = page.position(index);
      yield* emitMessage(context, { message, ticketNumber, at, ids }, cursors, place);
    }
  }
}

/**
 * One message: its record if new to the host, then its attachments if asked for (the message
 * changed since the watermark). Resolves true when it asked for attachments.
 */
export async function* emitMessage(
  context: ReadContext,
  { message, ticketNumber, at, ids }: MessageAt,
  cursors: ChildCursors,
  place: ItemPlace,
): AsyncGenerator<SourceMessage, boolean> {
  const id = message['id'] as string;
  if (ids.has(id)) return false;
  ids.add(id);

  const time = parseGrooveTime(message['updated_at']);
  const key = `message ${id}`;
  const { messages, attachments } = cursors;
  // Named by id: another message may sit at the place saved inside one (messages added).
  const owner = { message_id: id };
  if (messages !== undefined && place.isNew(messages, at, owner) && messages.admit(time, key)) {
    yield { type: 'RECORD', stream: 'messages', record: message };
  }
  const reading =
    attachments !== undefined &&
    (place.resumesInside(attachments, at, owner) ||
      (place.isNew(attachments, at, owner) && attachments.admit(time, key)));
  if (!reading) return false;

  const target = attachmentsTarget(id, attachmentsMessageParam(message), ticketNumber);
  for await (const page of childPages(context, target, { parent: at, owner }, place)) {
    if ('type' in page) {
      yield page;
      continue;
    }
    for (const [index, item] of page.items.entries()) {
      if (!place.isNew(attachments, page.position(index))) continue;
      // Groove gives attachments no id (reference/groove-api.md §5.6): the place in the list is.
      const record = toAttachmentRecord(item, id, ticketNumber, page.first + index);
      yield { type: 'RECORD', stream: 'attachments', record };
    }
  }
  return true;
}

/** A page of a child list, from where the read resumes on it. */
interface ChildPage {
  items: Array<Record<string, unknown>>;
  /** The scan position of the item at `index` in `items`. */
  position(index: number): ScanPosition;
  /** The place of items[0] in the whole list, from 0. */
  first: number;
}

/**
 * The pages of the child list of what sits at `parent`, from where a stopped read left it,
 * with a checkpoint before the first request and after every page but the last. A 404/403 on
 * the list ends it with a counted warning, not an error.
 */
async function* childPages(
  context: ReadContext,
  target: ScanTarget,
  { parent, owner, closing }: { parent: ScanPosition; owner: Owner; closing?: boolean },
  place: ItemPlace,
): AsyncGenerator<ChildPage | SourceMessage> {
  const resumed = place.resumePoint(parent, owner);
  const from: Step = resumed ?? { page: 1, offset: 0 };
  if (resumed === undefined) yield* checkpoint(place, within(parent, { ...owner, ...from }));

  try {
    for await (const page of paginate(context, target, from.page)) {
      const skip = page.number === from.page ? from.offset : 0;
      const step = (index: number): Step => ({ ...owner, page: page.number, offset: skip + index });
      yield {
        items: page.items.slice(skip),
        position: (index) => within(parent, step(index)),
        first: (page.number - 1) * GROOVE_MAX_PER_PAGE + skip,
      };
      if (!page.last)
        yield* checkpoint(place, within(parent, { ...owner, page: page.number + 1, offset: 0 }));
      // Past the last child: the list is done (a resumed read asks for that page once more).
      else if (closing === true)
        yield* checkpoint(
          place,
          within(parent, {
            ...owner,
            page: page.number,
            offset: Math.max(skip, page.items.length),
          }),
        );
    }
  } catch (error) {
    if (!isChildRefusal(error)) throw error;
    yield context.failures.skip(target.subject, error);
  }
}

function* checkpoint(place: ItemPlace, next: ScanPosition): Generator<SourceMessage> {
  const message = place.checkpoint(next);
  if (message !== undefined) yield message;
}

export function skipped(what: string): LogMessage {
  return { type: 'LOG', level: 'warn', message: `Skipped ${what}.` };
}
