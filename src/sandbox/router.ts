import { failure, type Reply, type RequestContext } from './http-kit';
import * as account from './routes-account';
import * as messages from './routes-messages';
import * as people from './routes-people';
import * as tickets from './routes-tickets';

// The endpoint table (reference/groove-api.md §3). `admin` marks what a non-admin token may
// not use: Groove's API is meant for admins, and the connector's credential test relies on it.

type Handler = (context: RequestContext, params: string[]) => Reply;

export interface Route {
  method: string;
  pattern: string[];
  admin: boolean;
  handle: Handler;
}

/** Wraps a handler that needs an existing ticket; an unknown number is a 404. */
function withTicket(handle: (context: RequestContext, number: number) => Reply): Handler {
  return (context, params) => {
    const number = tickets.ticketNumber(context, params[0]);
    return number === undefined ? failure(404, 'Ticket not found') : handle(context, number);
  };
}

function route(method: string, path: string, admin: boolean, handle: Handler): Route {
  return { method, pattern: path.split('/'), admin, handle };
}

const FIRST = (handle: (context: RequestContext, key: string) => Reply): Handler => {
  return (context, params) => handle(context, params[0] ?? '');
};

export const ROUTES: readonly Route[] = [
  route('GET', 'tickets', false, tickets.listTickets),
  route('POST', 'tickets', false, tickets.createTicket),
  route('GET', 'tickets/count', true, tickets.countTickets),
  route('GET', 'tickets/:number', false, withTicket(tickets.getTicket)),
  route('GET', 'tickets/:number/state', false, withTicket(tickets.getState)),
  route('PUT', 'tickets/:number/state', false, withTicket(tickets.putState)),
  route('GET', 'tickets/:number/assignee', false, withTicket(tickets.getAssignee)),
  route('PUT', 'tickets/:number/assignee', false, withTicket(tickets.putAssignee)),
  route('PUT', 'tickets/:number/priority', false, withTicket(tickets.putPriority)),
  route('PUT', 'tickets/:number/assigned_group', false, withTicket(tickets.putAssignedGroup)),
  route('GET', 'tickets/:number/messages', false, withTicket(messages.listMessages)),
  route('POST', 'tickets/:number/messages', false, withTicket(messages.createMessage)),
  route('GET', 'messages/:id', false, FIRST(messages.getMessage)),
  route('GET', 'attachments', false, messages.listAttachments),
  route('GET', 'customers', false, people.listCustomers),
  route('GET', 'customers/:email', false, FIRST(people.getCustomer)),
  route('PUT', 'customers/:email', true, FIRST(people.updateCustomer)),
  route('GET', 'agents', true, people.listAgents),
  route('GET', 'agents/:email', true, FIRST(people.getAgent)),
  route('GET', 'groups', true, account.listGroups),
  route('GET', 'groups/:id', true, FIRST(account.getGroup)),
  route('GET', 'mailboxes', true, account.listMailboxes),
  route('GET', 'folders', true, account.listFolders),
  route('GET', 'widgets', true, account.listWidgets),
  route('GET', 'kb', true, account.listKnowledgeBases),
  route('GET', 'kb/:id/categories', true, kbItems('categories', false)),
  route('GET', 'kb/:id/categories/search', true, kbItems('categories', true)),
  route('GET', 'kb/:id/articles', true, kbItems('articles', false)),
  route('GET', 'kb/:id/articles/search', true, kbItems('articles', true)),
];

function kbItems(kind: 'categories' | 'articles', search: boolean): Handler {
  return (context, params) =>
    account.listKnowledgeBaseItems(context, params[0] ?? '', kind, search);
}

/** The route for a method and decoded segments (after /v1), with its parameters. */
export function findRoute(
  method: string,
  segments: readonly string[],
): { route: Route; params: string[] } | undefined {
  for (const candidate of ROUTES) {
    if (candidate.method !== method || candidate.pattern.length !== segments.length) continue;
    const params: string[] = [];
    const fits = candidate.pattern.every((part, position) => {
      const segment = segments[position] ?? '';
      if (part.startsWith(':')) {
        params.push(segment);
        return segment !== '';
      }
      return part === segment;
    });
    if (fits) return { route: candidate, params };
  }
  return undefined;
}
