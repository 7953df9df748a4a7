import { createMessage } from './create-message';
import { createTicket } from './create-ticket';
import type { Operation, OperationName } from './operation';
import { updateCustomer } from './update-customer';
import { updateTicketAssignee } from './update-ticket-assignee';
import { updateTicketGroup } from './update-ticket-group';
import { updateTicketPriority } from './update-ticket-priority';
import { updateTicketState } from './update-ticket-state';

/** Every write operation, by the name the destination form offers. */
export const OPERATIONS: Readonly<Record<OperationName, Operation>> = {
  create_ticket: createTicket,
  create_message: createMessage,
  update_ticket_state: updateTicketState,
  update_ticket_assignee: updateTicketAssignee,
  update_ticket_priority: updateTicketPriority,
  update_ticket_group: updateTicketGroup,
  update_customer: updateCustomer,
};

export type { Operation, OperationName, PlannedRequest, EmailSwitches, Outcome } from './operation';
