import type { Account } from './account';
import { STATE } from './codes';
import type { Customer } from './customers';
import { bodies, MAX_MESSAGES_PER_TICKET, type Message, type Party } from './messages';
import { Random, STREAM } from './random';
import type { TicketContent } from './tickets';
import { OPENERS, SENTENCES } from './vocabulary';

// Writes change the compact index and the written-ticket store together, and give the ticket
// an updated_at newer than any it had, so it moves to the front of the ticket list.

export interface TicketChange {
  state?: number;
  /** Agent code: position + 1. */
  assignee?: number;
  priority?: number;
  /** Group code: position + 1. */
  group?: number;
}

export interface NewMessage {
  body: string;
  note: boolean;
  author: Party;
  recipient: Party | null;
  sentAt?: number;
}

export interface NewTicket {
  customer: Customer;
  /** The agent who wrote it, or null when the customer did. */
  agentAuthor: string | null;
  body: string;
  note: boolean;
  subject: string | null;
  mailbox: number;
  assignee: number;
  group: number;
  state: number;
  tags: string[];
  starred: boolean;
  sentAt?: number;
}

/** A second strictly after the ticket's last activity, and never before now. */
function activityTime(account: Account, number: number, nowSeconds: number): number {
  return Math.max(nowSeconds, (account.tickets.updatedAt[number] ?? 0) + 1);
}

export function changeTicket(
  account: Account,
  number: number,
  change: TicketChange,
  actorEmail: string,
  nowSeconds: number,
): void {
  const index = account.tickets;
  const record = account.writtenTicket(number);
  const time = activityTime(account, number, nowSeconds);

  if (change.state !== undefined && change.state !== index.state[number]) {
    index.state[number] = change.state;
    record.content.stateChangedAt = time;
    record.content.closedBy = change.state === STATE.closed ? actorEmail : null;
    if (change.state !== STATE.pending) record.content.snoozedUntil = null;
  }
  if (change.assignee !== undefined && change.assignee !== index.assignee[number]) {
    index.assignee[number] = change.assignee;
    record.content.assignedAt = change.assignee === 0 ? null : time;
  }
  if (change.priority !== undefined) index.priority[number] = change.priority;
  if (change.group !== undefined) index.group[number] = change.group;

  index.updatedAt[number] = time;
  index.touch(number);
}

export function appendMessage(
  account: Account,
  number: number,
  input: NewMessage,
  nowSeconds: number,
): Message | undefined {
  const index = account.tickets;
  const position = index.messageCount[number] ?? 0;
  if (position >= MAX_MESSAGES_PER_TICKET) return undefined;

  const record = account.writtenTicket(number);
  const time = activityTime(account, number, nowSeconds);
  const message: Message = {
    ticket: number,
    position,
    createdAt: input.sentAt ?? time,
    note: input.note,
    author: input.author,
    recipient: input.recipient,
    ...bodiesFromInput(input.body),
    attachments: [],
  };
  record.messages.push(message);

  index.messageCount[number] = position + 1;
  index.updatedAt[number] = time;
  index.touch(number);
  return message;
}

export function createTicket(account: Account, input: NewTicket, nowSeconds: number): number {
  const index = account.tickets;
  const number = index.add();
  const time = input.sentAt ?? nowSeconds;

  index.state[number] = input.state;
  index.assignee[number] = input.assignee;
  index.group[number] = input.group;
  index.priority[number] = 0;
  index.mailbox[number] = input.mailbox;
  index.customer[number] = input.customer.index;
  index.createdAt[number] = time;
  index.updatedAt[number] = time;
  index.messageCount[number] = 0;
  index.seededMessages[number] = 0;

  const content: TicketContent = {
    title: input.subject,
    tags: input.tags,
    starred: input.starred,
    type: 'API',
    closedBy:
      input.state === STATE.closed ? (input.agentAuthor ?? account.directory.owner.email) : null,
    stateChangedAt: input.state === STATE.unread ? null : time,
    assignedAt: input.assignee === 0 ? null : time,
    snoozedUntil: null,
    snoozedById: null,
    browser: null,
    pageTitle: null,
    pageUrl: null,
    platform: null,
  };
  account.writtenTicket(number, content);

  const customerParty: Party = { kind: 'customers', email: input.customer.email };
  const agentParty: Party | null =
    input.agentAuthor === null ? null : { kind: 'agents', email: input.agentAuthor };
  appendMessage(
    account,
    number,
    {
      body: input.body,
      note: input.note,
      author: agentParty ?? customerParty,
      recipient: input.note ? null : agentParty === null ? null : customerParty,
      sentAt: time,
    },
    time,
  );
  index.updatedAt[number] = time;
  return number;
}

/**
 * The 'shuffle' fault: a customer replies to a ticket picked by the seeded generator, so that
 * ticket jumps to the front while a client pages through the list. Returns its number.
 */
export function driftTicket(
  account: Account,
  draw: number,
  nowSeconds: number,
): number | undefined {
  const random = new Random(account.seed, STREAM.drift, draw);
  const count = account.tickets.count;
  if (count === 0) return undefined;
  const number = random.int(1, count);
  const customer = account.customerOf(number);
  const appended = appendMessage(
    account,
    number,
    {
      body: `${random.pick(OPENERS)}\n\n${random.pick(SENTENCES)}`,
      note: false,
      author: { kind: 'customers', email: customer.email },
      recipient: null,
    },
    nowSeconds,
  );
  return appended === undefined ? undefined : number;
}

/** A body sent as HTML is kept and its tags stripped for plain text; plain text gets HTML. */
function bodiesFromInput(body: string): { body: string; plainText: string } {
  if (!/<[a-z][^>]*>/i.test(body)) return bodies(body.split(/\n{2,}/));
  const plainText = body
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .trim();
  return { body, plainText };
}
