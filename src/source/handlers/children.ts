import type { LogMessage, SourceMessage } from '../messages';
import { paginate } from '../paginate';
import type { ReadContext } from '../read-context';
import { isChildRefusal } from '../scan';
import type { ScanCursor } from '../scan-cursor';
import { attachmentsTarget, toAttachmentRecord } from '../streams/attachments';
import { attachmentsMessageParam, messagesTarget, toMessageRecord } from '../streams/messages';
import type { ScanTarget } from '../streams/types';
import { parseGrooveTime } from '../timestamps';

export interface ChildCursors {
  messages: ScanCursor | undefined;
  attachments: ScanCursor | undefined;
}

/**
 * The messages of one ticket (and their attachments when asked), read in full. Messages are
 * de-duplicated by id within the ticket: memory bounded by one ticket's messages.
 */
export async function* readTicketMessages(
  context: ReadContext,
  ticketNumber: number,
  cursors: ChildCursors,
): AsyncGenerator<SourceMessage> {
  const ids = new Set<string>();
  for await (const child of childItems(context, messagesTarget(ticketNumber))) {
    if ('log' in child) {
      yield child.log;
      continue;
    }
    const message = toMessageRecord(child.item, ticketNumber);
    if (message === undefined) {
      yield skipped(`a message of ticket ${ticketNumber} that has neither id nor href`);
      continue;
    }
    yield* emitMessage(context, message, ticketNumber, cursors, ids);
  }
}

/**
 * One message: its record if new to the host, then its attachments if asked for. `ids` holds
 * the ids already met in this ticket's list. Resolves true when it asked for attachments.
 */
export async function* emitMessage(
  context: ReadContext,
  message: Record<string, unknown>,
  ticketNumber: number,
  cursors: ChildCursors,
  ids: Set<string>,
): AsyncGenerator<SourceMessage, boolean> {
  const id = message['id'] as string;
  if (ids.has(id)) return false;
  ids.add(id);

  const time = parseGrooveTime(message['updated_at']);
  const key = `message ${id}`;
  if (cursors.messages?.admit(time, key) === true) {
    yield { type: 'RECORD', stream: 'messages', record: message };
  }
  if (cursors.attachments?.admit(time, key) !== true) return false;

  const target = attachmentsTarget(id, attachmentsMessageParam(message), ticketNumber);
  for await (const child of childItems(context, target)) {
    if ('log' in child) {
      yield child.log;
      continue;
    }
    const record = toAttachmentRecord(child.item, id, ticketNumber);
    yield { type: 'RECORD', stream: 'attachments', record };
  }
  return true;
}

/** Items of a child list; a 404/403 on it ends the list with a counted warning, not an error. */
async function* childItems(
  context: ReadContext,
  target: ScanTarget,
): AsyncGenerator<{ item: Record<string, unknown> } | { log: LogMessage }> {
  try {
    for await (const page of paginate(context, target, 1)) {
      for (const item of page.items) yield { item };
    }
  } catch (error) {
    if (!isChildRefusal(error)) throw error;
    yield { log: context.failures.skip(target.subject, error) };
  }
}

export function skipped(what: string): LogMessage {
  return { type: 'LOG', level: 'warn', message: `Skipped ${what}.` };
}
