import type { SourceMessage } from '../messages';
import type { ReadContext } from '../read-context';
import type { ItemHandler } from '../scan';
import { toMessageRecord } from '../streams/messages';
import { parseGrooveTime } from '../timestamps';
import { emitMessage, skipped, type ChildCursors } from './children';

/**
 * One message of a ticket named in the form (messages or attachments with Ticket Numbers):
 * the scan's lists are those tickets' message lists, so watermarks follow messages' own times.
 */
export function messageItemHandler(context: ReadContext, cursors: ChildCursors): ItemHandler {
  let ticket = '';
  let ids = new Set<string>();

  return async function* handleMessage(item, place): AsyncGenerator<SourceMessage, boolean> {
    const ticketNumber = Number(place.target.part);
    if (place.target.part !== ticket) {
      ticket = place.target.part;
      ids = new Set();
    }

    const message = toMessageRecord(item, ticketNumber);
    if (message === undefined) {
      yield skipped(`a message of ticket ${ticketNumber} that has neither id nor href`);
      return false;
    }

    const time = parseGrooveTime(message['updated_at']);
    const at = place.position;
    const owner = { message_id: message['id'] as string };
    for (const cursor of [cursors.messages, cursors.attachments]) {
      if (cursor === undefined) continue;
      if (place.isNew(cursor, at, owner) || place.resumesInside(cursor, at, owner)) {
        cursor.observe(time);
      }
    }

    return yield* emitMessage(context, { message, ticketNumber, at, ids }, cursors, place);
  };
}
