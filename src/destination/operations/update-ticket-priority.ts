import type { UpdateTicketPriorityInput } from '../../generated/operations/update_ticket_priority';
import { defineOperation } from './operation';
import { ticketPath } from './paths';

/** `PUT /tickets/:ticket_number/priority` (reference/groove-api.md §4.4, §13.7). */
export const updateTicketPriority = defineOperation<UpdateTicketPriorityInput>({
  name: 'update_ticket_priority',
  creates: false,
  schemaFile: 'operations/update_ticket_priority.schema.json',
  objectInputs: [],

  toRequest(input) {
    return {
      method: 'PUT',
      path: ticketPath(input.ticket_number, 'priority'),
      body: { priority: input.priority },
      subject: `ticket ${input.ticket_number}`,
    };
  },

  // The answer's body is undocumented and ignored (§13.11): a 2xx is the whole news.
  toOutcome(input) {
    return { status: 'updated', ticket_number: input.ticket_number };
  },
});
