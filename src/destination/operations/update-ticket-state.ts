import type { UpdateTicketStateInput } from '../../generated/operations/update_ticket_state';
import { defineOperation } from './operation';
import { ticketPath } from './paths';

/** `PUT /tickets/:ticket_number/state` (reference/groove-api.md §4.4). */
export const updateTicketState = defineOperation<UpdateTicketStateInput>({
  name: 'update_ticket_state',
  creates: false,
  schemaFile: 'operations/update_ticket_state.schema.json',
  objectInputs: [],

  toRequest(input) {
    return {
      method: 'PUT',
      path: ticketPath(input.ticket_number, 'state'),
      body: { state: input.state },
      subject: `ticket ${input.ticket_number}`,
    };
  },

  // The answer's body is undocumented and ignored (§13.11): a 2xx is the whole news.
  toOutcome(input) {
    return { status: 'updated', ticket_number: input.ticket_number };
  },
});
