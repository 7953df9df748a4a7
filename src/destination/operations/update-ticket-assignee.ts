import type { UpdateTicketAssigneeInput } from '../../generated/operations/update_ticket_assignee';
import { defineOperation } from './operation';
import { ticketPath } from './paths';

/** `PUT /tickets/:ticket_number/assignee` (reference/groove-api.md §4.4). */
export const updateTicketAssignee = defineOperation<UpdateTicketAssigneeInput>({
  name: 'update_ticket_assignee',
  creates: false,
  schemaFile: 'operations/update_ticket_assignee.schema.json',
  objectInputs: [],

  toRequest(input) {
    return {
      method: 'PUT',
      path: ticketPath(input.ticket_number, 'assignee'),
      body: { assignee: input.assignee },
      subject: `ticket ${input.ticket_number}`,
    };
  },

  // The answer's body is undocumented and ignored (§13.11): a 2xx is the whole news.
  toOutcome(input) {
    return { status: 'updated', ticket_number: input.ticket_number };
  },
});
