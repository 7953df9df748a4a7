import { changeTicket, type TicketChange } from './account-writes';
import { priorityCode, stateCode, TICKET_STATES } from './codes';
import { folderHolds } from './directory';
import {
  failure,
  invalid,
  isRecord,
  ok,
  pageEnvelope,
  pageRequest,
  type Reply,
  type RequestContext,
} from './http-kit';
import { serializeAgent } from './routes-people';
import type { TicketFilter } from './ticket-index';
import { createTicketFromRequest } from './ticket-create';

/** The ticket named by a path segment: Groove addresses tickets by number (§1, §13.5). */
export function ticketNumber(
  context: RequestContext,
  text: string | undefined,
): number | undefined {
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  const number = Number(text);
  return context.account.tickets.has(number) ? number : undefined;
}

/** GET /tickets with the assignee, customer, state and folder filters. */
export function listTickets(context: RequestContext): Reply {
  const filter = ticketFilter(context);
  const request = pageRequest(context.query);
  if (filter === undefined) return pageEnvelope(context, 'tickets', [], 0, request);

  const numbers = context.account.tickets.list(filter);
  const page = numbers.subarray(request.offset, request.offset + request.perPage);
  const items = Array.from(page, (number) => context.account.ticketJson(number, context.origin));
  return pageEnvelope(context, 'tickets', items, numbers.length, request);
}

/** undefined when a filter names nothing that exists: the list is then empty. */
function ticketFilter(context: RequestContext): TicketFilter | undefined {
  const { account, query } = context;
  const filter: TicketFilter = {};

  const state = query.get('state');
  if (state !== null) {
    const code = stateCode(state);
    if (code === undefined) return undefined;
    filter.state = code;
  }

  const assignee = query.get('assignee');
  if (assignee !== null) {
    const position = account.directory.agents.findIndex(
      (agent) => agent.email.toLowerCase() === assignee.toLowerCase(),
    );
    if (assignee !== 'unassigned' && position < 0) return undefined;
    filter.assignee = assignee === 'unassigned' ? 0 : position + 1;
  }

  const customer = query.get('customer');
  if (customer !== null) {
    const found = account.customers.find(customer);
    if (found === undefined) return undefined;
    filter.customer = found.index;
  }

  const folder = query.get('folder');
  if (folder !== null) {
    const found = account.directory.folders.find((candidate) => candidate.id === folder);
    if (found === undefined) return undefined;
    filter.folder = found.rule;
  }
  return filter;
}

export function getTicket(context: RequestContext, number: number): Reply {
  return ok({ ticket: context.account.ticketJson(number, context.origin) });
}

export function createTicket(context: RequestContext): Reply {
  const created = createTicketFromRequest(context);
  if ('errors' in created) return invalid(created.errors);
  const location = `${context.origin}/v1/tickets/${created.number}`;
  return ok({ ticket: created.ticket }, 201, { Location: location });
}

export function getState(context: RequestContext, number: number): Reply {
  return ok({ state: TICKET_STATES[context.account.tickets.state[number] ?? 0] ?? 'unread' });
}

/** An empty 200 when nobody is assigned (reference/groove-api.md §3 row 6). */
export function getAssignee(context: RequestContext, number: number): Reply {
  const agent = context.account.agentAt(context.account.tickets.assignee[number] ?? 0);
  if (agent === null) return { status: 200 };
  return ok({ agent: serializeAgent(agent, context.origin) });
}

type Change = { field: keyof TicketChange; apply: (value: unknown) => number | string | undefined };

/** The PUT sub-resources answer 204 with no body, as the gem's stub shows (§13.11). */
function putField(context: RequestContext, number: number, change: Change): Reply {
  const body = context.body;
  const value = isRecord(body) ? body[change.field] : undefined;
  const code = value === undefined || value === null ? undefined : change.apply(value);
  if (code === undefined || typeof code === 'string') {
    return invalid([typeof code === 'string' ? code : `${change.field} is missing`]);
  }

  const update: TicketChange = { [change.field]: code };
  changeTicket(context.account, number, update, context.actor.email, context.nowSeconds);
  return { status: 204 };
}

export function putState(context: RequestContext, number: number): Reply {
  return putField(context, number, {
    field: 'state',
    apply: (value) =>
      stateCode(String(value)) ?? `state must be one of ${TICKET_STATES.join(', ')}`,
  });
}

export function putAssignee(context: RequestContext, number: number): Reply {
  return putField(context, number, {
    field: 'assignee',
    apply: (value) => {
      const position = context.account.directory.agents.findIndex(
        (agent) => agent.email.toLowerCase() === String(value).toLowerCase(),
      );
      return position < 0 ? 'assignee is not an agent of this account' : position + 1;
    },
  });
}

export function putPriority(context: RequestContext, number: number): Reply {
  return putField(context, number, {
    field: 'priority',
    apply: (value) => priorityCode(String(value)) ?? 'priority must be low, medium, high or urgent',
  });
}

/** The group by name (the gem) or by id (the PHP client): both work (§13.8). */
export function putAssignedGroup(context: RequestContext, number: number): Reply {
  return putField(context, number, {
    field: 'group',
    apply: (value) => {
      const position = context.account.directory.groups.findIndex(
        (group) => group.name === String(value) || group.id === String(value),
      );
      return position < 0 ? 'group does not exist' : position + 1;
    },
  });
}

/** A bare {folder_id: count} object, no wrapper (reference/groove-api.md §3 row 10). */
export function countTickets(context: RequestContext): Reply {
  const { account } = context;
  const mailboxKey = context.query.get('mailbox');
  const mailbox =
    mailboxKey === null
      ? undefined
      : account.directory.mailboxes.findIndex(
          (candidate) => String(candidate.id) === mailboxKey || candidate.email === mailboxKey,
        );
  if (mailbox === -1) return failure(404, 'Mailbox not found');

  const counts = account.directory.folders.map(() => 0);
  const index = account.tickets;
  for (let number = 1; number <= index.count; number++) {
    if (mailbox !== undefined && index.mailbox[number] !== mailbox) continue;
    account.directory.folders.forEach((folder, position) => {
      const holds = folderHolds(
        folder.rule,
        index.state[number] ?? 0,
        index.assignee[number] ?? 0,
        index.priority[number] ?? 0,
      );
      if (holds) counts[position] = (counts[position] ?? 0) + 1;
    });
  }
  return ok(Object.fromEntries(account.directory.folders.map((f, i) => [f.id, counts[i] ?? 0])));
}
