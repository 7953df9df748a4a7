import { appendMessage } from './account-writes';
import { parseSentAt } from './dates';
import {
  failure,
  invalid,
  isEmail,
  isRecord,
  notFound,
  ok,
  pageEnvelope,
  pageRequest,
  type Reply,
  type RequestContext,
} from './http-kit';
import { serializeAttachments, serializeMessage, type Party } from './messages';
import type { Json } from './types';

// Messages of a ticket are listed newest first, like tickets (an assumption: Groove does not
// document the order, reference/groove-api.md §6).

export function listMessages(context: RequestContext, number: number): Reply {
  const { account } = context;
  const total = account.tickets.messageCount[number] ?? 0;
  const request = pageRequest(context.query);
  const items: Json[] = [];
  const end = Math.min(total, request.offset + request.perPage);
  for (let rank = request.offset; rank < end; rank++) {
    const message = account.message(number, total - 1 - rank);
    if (message === undefined) continue;
    items.push(serializeMessage(message, account.messageId(message), context.origin, 'list'));
  }
  return pageEnvelope(context, 'messages', items, total, request);
}

export function getMessage(context: RequestContext, id: string): Reply {
  const found = context.account.messageById(id);
  if (found === undefined) return notFound('Message');
  return ok({ message: serializeMessage(found.message, found.id, context.origin, 'single') });
}

/** GET /attachments?message=ID: an unpaginated list (reference/groove-api.md §3 row 14). */
export function listAttachments(context: RequestContext): Reply {
  const id = context.query.get('message');
  if (id === null || id === '') return invalid(['message is required']);
  const found = context.account.messageById(id);
  if (found === undefined) return notFound('Message');
  return ok({ attachments: serializeAttachments(found.message, found.id, context.origin) });
}

/** POST /tickets/:number/messages (§4.2): `body` required; `author` an agent or the customer. */
export function createMessage(context: RequestContext, number: number): Reply {
  const { account } = context;
  const body = isRecord(context.body) ? context.body : {};
  const errors: string[] = [];

  const text = body.body;
  if (typeof text !== 'string' || text.trim() === '') errors.push("body can't be blank");
  for (const flag of ['note', 'send_copy_to_customer']) {
    if (body[flag] !== undefined && typeof body[flag] !== 'boolean')
      errors.push(`${flag} must be true or false`);
  }
  const sentAt = typeof body.sent_at === 'string' ? parseSentAt(body.sent_at) : undefined;
  if (body.sent_at !== undefined && sentAt === undefined) errors.push('sent_at is not a date');

  const customer = account.customerOf(number);
  const authorEmail = body.author ?? context.actor.email;
  let author: Party | undefined;
  if (!isEmail(authorEmail)) errors.push('author must be an e-mail address');
  else if (authorEmail.toLowerCase() === customer.email.toLowerCase()) {
    author = { kind: 'customers', email: customer.email };
  } else {
    const agent = account.directory.agents.find(
      (a) => a.email.toLowerCase() === authorEmail.toLowerCase(),
    );
    if (agent === undefined) errors.push("author must be an agent or the ticket's customer");
    else author = { kind: 'agents', email: agent.email };
  }
  if (errors.length > 0 || author === undefined || typeof text !== 'string') return invalid(errors);

  const note = body.note === true && author.kind === 'agents';
  const customerParty: Party = { kind: 'customers', email: customer.email };
  const message = appendMessage(
    account,
    number,
    {
      body: text,
      note,
      author,
      recipient: note || author.kind === 'customers' ? null : customerParty,
      ...(sentAt === undefined ? {} : { sentAt }),
    },
    context.nowSeconds,
  );
  if (message === undefined) return failure(422, 'the ticket has too many messages');

  const id = account.messageId(message);
  const location = `${context.origin}/v1/messages/${id}`;
  return ok({ message: serializeMessage(message, id, context.origin, 'list') }, 201, {
    Location: location,
  });
}
