import type { CreateTicketInput } from '../../generated/operations/create_ticket';
import { defineOperation } from './operation';
import { idFromHref, unreadableAnswer, wrapped } from './read-answer';

/** `POST /tickets` (reference/groove-api.md §4.1). */
export const createTicket = defineOperation<CreateTicketInput>({
  name: 'create_ticket',
  creates: true,
  schemaFile: 'operations/create_ticket.schema.json',
  objectInputs: ['from', 'to'],

  toRequest(input, switches) {
    // The form's switches win over the record's: a flow emails nobody unless the form says so.
    const body = { ...input, ...switches };
    return { method: 'POST', path: '/tickets', body, subject: 'a new ticket' };
  },

  toOutcome(_input, response) {
    // The number is in the body; the Location header carries it too (§4.1), when the body is thin.
    const fromBody = wrapped(response, 'ticket')?.['number'];
    const fromLocation = idFromHref(response.headers['location'], 'tickets');
    const number = typeof fromBody === 'number' ? fromBody : Number(fromLocation ?? Number.NaN);
    if (!Number.isSafeInteger(number) || number < 1) unreadableAnswer(response, 'ticket number');
    return { status: 'created', ticket_number: number };
  },

  howToCheck(input) {
    const subject = input.subject === undefined ? '' : ` with the subject "${input.subject}"`;
    return (
      `Groove may have created this ticket. Before sending the record again, look in Groove ` +
      `for a ticket from ${emailOf(input.from)} to ${emailOf(input.to)}${subject}.`
    );
  },
});

function emailOf(party: CreateTicketInput['from']): string {
  return typeof party === 'string' ? party : party.email;
}
