import type { CreateMessageInput } from '../../generated/operations/create_message';
import { defineOperation } from './operation';
import { ticketPath } from './paths';
import { idFromHref, unreadableAnswer, wrapped } from './read-answer';

/** `POST /tickets/:ticket_number/messages`: a reply, or a private note (reference/groove-api.md §4.2). */
export const createMessage = defineOperation<CreateMessageInput>({
  name: 'create_message',
  creates: true,
  schemaFile: 'operations/create_message.schema.json',
  objectInputs: [],

  toRequest(input, switches) {
    const { ticket_number: ticketNumber, ...fields } = input;
    // §4.2's page is cut off after send_copy_to_customer; skip_notifications is sent as for
    // tickets so that the form's "email nobody" holds wherever Groove honours it.
    const body = { ...fields, note: fields.note ?? false, ...switches };
    return {
      method: 'POST',
      path: ticketPath(ticketNumber, 'messages'),
      body,
      subject: `a new message on ticket ${ticketNumber}`,
    };
  },

  toOutcome(input, response) {
    // Groove's message has no id field, only an href ending in it (§4.2).
    const message = wrapped(response, 'message');
    const id = typeof message?.['id'] === 'string' ? message['id'] : undefined;
    const messageId = id ?? idFromHref(message?.['href'], 'messages');
    if (messageId === undefined) unreadableAnswer(response, 'message id');
    return { status: 'created', ticket_number: input.ticket_number, message_id: messageId };
  },

  howToCheck(input) {
    const kind = input.note === true ? 'private note' : 'reply';
    return (
      `Groove may have added this ${kind} to ticket ${input.ticket_number}. Before sending the ` +
      `record again, look at that ticket's latest messages for one with this body.`
    );
  },
});
