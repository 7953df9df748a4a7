import type { UpdateTicketGroupInput } from '../../generated/operations/update_ticket_group';
import { defineOperation } from './operation';
import { ticketPath } from './paths';

/** `PUT /tickets/:ticket_number/assigned_group` (reference/groove-api.md §4.4): the group by name, §13.8. */
export const updateTicketGroup = defineOperation<UpdateTicketGroupInput>({
  name: 'update_ticket_group',
  creates: false,
  schemaFile: 'operations/update_ticket_group.schema.json',
  objectInputs: [],

  toRequest(input) {
    return {
      method: 'PUT',
      path: ticketPath(input.ticket_number, 'assigned_group'),
      body: { group: input.group },
      subject: `ticket ${input.ticket_number}`,
    };
  },

  // The answer's body is undocumented and ignored (§13.11): a 2xx is the whole news.
  toOutcome(input) {
    return { status: 'updated', ticket_number: input.ticket_number };
  },
});
