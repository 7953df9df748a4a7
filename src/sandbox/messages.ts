import { ID_KEY } from './codes';
import { isoSeconds } from './dates';
import { hash32, parseTenDigitId, Random, STREAM, tenDigitId } from './random';
import type { JsonObject } from './types';
import { AGENT_REPLIES, ATTACHMENT_NAMES, NOTES, OPENERS, SENTENCES } from './vocabulary';

// Messages are generated on demand from (seed, ticket number, position). A message id encodes
// its ticket and position, so GET /messages/:id needs no lookup table.

/** Positions per ticket that ids can encode; seeded tickets stay far below it. */
export const MAX_MESSAGES_PER_TICKET = 1024;

export interface Party {
  kind: 'customers' | 'agents';
  email: string;
}

export interface Attachment {
  filename: string;
  size: number;
}

export interface Message {
  ticket: number;
  position: number;
  createdAt: number;
  note: boolean;
  author: Party;
  recipient: Party | null;
  body: string;
  plainText: string;
  attachments: Attachment[];
}

/** What a seeded message needs to know about its ticket. */
export interface MessageContext {
  seed: number;
  ticket: number;
  createdAt: number;
  /** The seeded last-activity time: seeded messages fall between it and createdAt. */
  activityEnd: number;
  seededCount: number;
  customer: { email: string; firstName: string };
  agents: ReadonlyArray<{ email: string; firstName: string }>;
}

export function messageId(seed: number, ticket: number, position: number): string {
  return tenDigitId(ticket * MAX_MESSAGES_PER_TICKET + position, ID_KEY.message ^ seed);
}

export function parseMessageId(
  seed: number,
  id: string,
): { ticket: number; position: number } | undefined {
  const value = parseTenDigitId(id, ID_KEY.message ^ seed);
  if (value === undefined) return undefined;
  return {
    ticket: Math.floor(value / MAX_MESSAGES_PER_TICKET),
    position: value % MAX_MESSAGES_PER_TICKET,
  };
}

/** How many files a seeded message carries, without generating the message. */
export function seededAttachmentCount(seed: number, ticket: number, position: number): number {
  const roll = hash32(seed, STREAM.message, ticket, position, 0xa77ac4);
  return roll % 100 < 12 ? 1 + ((roll >>> 8) % 2) : 0;
}

export function generateMessage(context: MessageContext, position: number): Message {
  const { seed, ticket, customer } = context;
  const random = new Random(seed, STREAM.message, ticket, position);
  const span = Math.max(0, context.activityEnd - context.createdAt);
  const offset = Math.floor((span * (position + random.next())) / context.seededCount);
  const agent = random.pick(context.agents);

  const roll = position === 0 ? 0 : random.next();
  const kind = roll < 0.45 ? 'customer' : roll < 0.85 ? 'agent' : 'note';
  const paragraphs =
    kind === 'customer'
      ? [random.pick(OPENERS), ...sentences(random), `Best,\n${customer.firstName}`]
      : kind === 'agent'
        ? [`Hi ${customer.firstName},`, random.pick(AGENT_REPLIES), `Cheers,\n${agent.firstName}`]
        : [random.pick(NOTES)];

  const attachments: Attachment[] = [];
  for (let file = 0; file < seededAttachmentCount(seed, ticket, position); file++) {
    attachments.push({ filename: random.pick(ATTACHMENT_NAMES), size: random.int(120, 4_000_000) });
  }

  const customerParty: Party = { kind: 'customers', email: customer.email };
  const agentParty: Party = { kind: 'agents', email: agent.email };
  return {
    ticket,
    position,
    createdAt: context.createdAt + offset,
    note: kind === 'note',
    author: kind === 'customer' ? customerParty : agentParty,
    recipient: kind === 'note' ? null : kind === 'customer' ? agentParty : customerParty,
    ...bodies(paragraphs),
    attachments,
  };
}

function sentences(random: Random): string[] {
  const count = random.chance(0.05) ? 30 : random.int(1, 4);
  const picked: string[] = [];
  for (let index = 0; index < count; index++) picked.push(random.pick(SENTENCES));
  return random.chance(0.5) ? [picked.join(' ')] : picked;
}

/** An HTML body and its plain-text twin, as Groove serves both (reference/groove-api.md §5.2). */
export function bodies(paragraphs: readonly string[]): { body: string; plainText: string } {
  return {
    body: paragraphs.map((text) => `<p>${escapeHtml(text).replace(/\n/g, '<br />')}</p>`).join(''),
    plainText: paragraphs.join('\n\n'),
  };
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * A list item carries href and links.attachments; GET /messages/:id has neither, like
 * Groove's own samples (reference/groove-samples/message-get.json).
 */
export function serializeMessage(
  message: Message,
  id: string,
  origin: string,
  form: 'list' | 'single',
): JsonObject {
  const links: JsonObject = {};
  if (form === 'list') links.attachments = { href: `${origin}/v1/attachments?message=${id}` };
  links.author = { href: partyHref(message.author, origin) };
  if (message.recipient !== null) links.recipient = { href: partyHref(message.recipient, origin) };
  links.ticket = { href: `${origin}/v1/tickets/${message.ticket}` };

  const serialized: JsonObject = {
    id,
    created_at: isoSeconds(message.createdAt),
    updated_at: isoSeconds(message.createdAt),
    note: message.note,
    body: message.body,
    plain_text_body: message.plainText,
    agent_response: message.author.kind === 'agents' && !message.note,
    type: message.note ? 'Note' : message.author.kind === 'agents' ? 'Comment' : null,
  };
  if (form === 'list') serialized.href = `${origin}/v1/messages/${id}`;
  serialized.links = links;
  return serialized;
}

export function serializeAttachments(message: Message, id: string, origin: string): JsonObject[] {
  return message.attachments.map((attachment, index) => ({
    filename: attachment.filename,
    size: attachment.size,
    url: `${origin}/files/${id}/${index}/${encodeURIComponent(attachment.filename)}?${message.createdAt}`,
  }));
}

function partyHref(party: Party, origin: string): string {
  return `${origin}/v1/${party.kind}/${party.email}`;
}
