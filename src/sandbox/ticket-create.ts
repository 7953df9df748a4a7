import { createTicket, type NewTicket } from './account-writes';
import { stateCode, TICKET_STATES } from './codes';
import type { Customer, CustomerTextField } from './customers';
import { parseSentAt } from './dates';
import { isEmail, isRecord, type RequestContext } from './http-kit';
import { serializeCreatedTicket } from './tickets';
import type { JsonObject } from './types';

// POST /tickets (reference/groove-api.md §4.1): `body`, `from` and `to` are required; `from`
// and `to` are e-mails or customer objects. When `from` is an agent, `to` is the customer.

type Created = { number: number; ticket: JsonObject } | { errors: string[] };

const CUSTOMER_OBJECT_FIELDS: readonly CustomerTextField[] = [
  'name',
  'about',
  'twitter_username',
  'title',
  'company_name',
  'phone_number',
  'location',
  'linkedin_username',
];

interface Party {
  email: string;
  profile: Partial<Record<CustomerTextField, string | null>>;
}

export function createTicketFromRequest(context: RequestContext): Created {
  const { account } = context;
  const body = isRecord(context.body) ? context.body : {};
  const errors: string[] = [];

  const text = body.body;
  if (typeof text !== 'string' || text.trim() === '') errors.push("body can't be blank");
  const from = party(body.from, 'from', errors);
  const to = party(body.to, 'to', errors);

  const agents = account.directory.agents;
  const agentIndex = (email: string | undefined): number =>
    email === undefined
      ? -1
      : agents.findIndex((a) => a.email.toLowerCase() === email.toLowerCase());
  const mailboxIndex = (key: string): number =>
    account.directory.mailboxes.findIndex((m) => String(m.id) === key || m.email === key);

  const state = optionalString(body.state, 'state', errors) ?? 'unread';
  if (stateCode(state) === undefined)
    errors.push(`state must be one of ${TICKET_STATES.join(', ')}`);
  const assignee = optionalString(body.assignee, 'assignee', errors);
  if (assignee !== undefined && agentIndex(assignee) < 0) errors.push('assignee is not an agent');
  const groupName = optionalString(body.assigned_group, 'assigned_group', errors);
  const group = account.directory.groups.findIndex(
    (g) => g.name === groupName || g.id === groupName,
  );
  if (groupName !== undefined && group < 0) errors.push('assigned_group does not exist');
  const mailboxKey = optionalString(body.mailbox, 'mailbox', errors);
  if (mailboxKey !== undefined && mailboxIndex(mailboxKey) < 0)
    errors.push('mailbox does not exist');
  const subject = optionalString(body.subject, 'subject', errors);
  const sentAtText = optionalString(body.sent_at, 'sent_at', errors);
  const sentAt = sentAtText === undefined ? undefined : parseSentAt(sentAtText);
  if (sentAtText !== undefined && sentAt === undefined) errors.push('sent_at is not a date');
  const tags = body.tags ?? [];
  if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) {
    errors.push('tags must be a list of names');
  }
  for (const flag of ['note', 'send_copy_to_customer', 'starred', 'skip_notifications']) {
    if (body[flag] !== undefined && typeof body[flag] !== 'boolean')
      errors.push(`${flag} must be true or false`);
  }
  if (errors.length > 0 || from === undefined || to === undefined || typeof text !== 'string') {
    return { errors };
  }

  const agentAuthor = agentIndex(from.email) >= 0 ? from.email : null;
  const customerParty = agentAuthor === null ? from : to;
  if (agentIndex(customerParty.email) >= 0) return { errors: ['to must be a customer'] };
  const toMailbox = mailboxIndex(to.email);

  const input: NewTicket = {
    customer: findOrCreateCustomer(context, customerParty),
    agentAuthor,
    body: text,
    note: body.note === true && agentAuthor !== null,
    subject: subject ?? null,
    mailbox: Math.max(0, mailboxKey !== undefined ? mailboxIndex(mailboxKey) : toMailbox),
    assignee: assignee === undefined ? 0 : agentIndex(assignee) + 1,
    group: group + 1,
    state: stateCode(state) ?? 0,
    tags: tags as string[],
    starred: body.starred === true,
    ...(sentAt === undefined ? {} : { sentAt }),
  };
  const number = createTicket(account, input, context.nowSeconds);
  return { number, ticket: serializeCreatedTicket(account.facts(number), context.origin) };
}

function party(value: unknown, field: string, errors: string[]): Party | undefined {
  if (isEmail(value)) return { email: value, profile: {} };
  if (isRecord(value) && isEmail(value.email)) {
    const profile: Party['profile'] = {};
    for (const key of CUSTOMER_OBJECT_FIELDS) {
      const entry = value[key];
      if (typeof entry === 'string' || entry === null) profile[key] = entry;
      else if (entry !== undefined) errors.push(`${field}.${key} must be text`);
    }
    return { email: value.email, profile };
  }
  errors.push(
    value === undefined
      ? `${field} can't be blank`
      : `${field} must be an e-mail address or a customer with an email`,
  );
  return undefined;
}

function optionalString(value: unknown, field: string, errors: string[]): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  errors.push(`${field} must be text`);
  return undefined;
}

function findOrCreateCustomer(context: RequestContext, party: Party): Customer {
  const { customers } = context.account;
  const existing = customers.find(party.email);
  if (existing === undefined) return customers.create(party.email, party.profile);
  const known = Object.entries(party.profile).filter(([, value]) => value !== undefined);
  if (known.length === 0) return existing;
  return customers.update(existing, { text: { ...existing.text, ...Object.fromEntries(known) } });
}
