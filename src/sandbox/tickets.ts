import { PRIORITIES, STATE, TICKET_STATES } from './codes';
import { isoSeconds } from './dates';
import { hash32, Random, STREAM, tenDigitId } from './random';
import type { JsonObject } from './types';
import { SUBJECTS, TAGS } from './vocabulary';

// The parts of a ticket that are not in the compact index: generated from (seed, number),
// or stored whole for tickets written since start.

export interface TicketContent {
  title: string | null;
  tags: string[];
  starred: boolean;
  type: 'Email' | 'Widget' | 'API';
  closedBy: string | null;
  stateChangedAt: number | null;
  assignedAt: number | null;
  snoozedUntil: number | null;
  snoozedById: string | null;
  /** Widget tickets carry where they came from; others have nulls. */
  browser: string | null;
  pageTitle: string | null;
  pageUrl: string | null;
  platform: string | null;
}

/** The index fields a generator or serializer reads for one ticket. */
export interface TicketFacts {
  number: number;
  state: number;
  priority: number;
  createdAt: number;
  updatedAt: number;
  assignee: { id: string; email: string } | null;
  group: { id: string; name: string } | null;
  mailbox: { id: number; name: string };
  customer: { id: string; email: string; name: string | null };
  messageCount: number;
  attachmentCount: number;
}

export interface MessageDigest {
  plainText: string;
  authorKind: 'customers' | 'agents';
  authorId: string;
  note: boolean;
}

export function generateTicketContent(
  seed: number,
  facts: TicketFacts,
  agents: ReadonlyArray<{ email: string; id: string }>,
): TicketContent {
  const random = new Random(seed, STREAM.ticketContent, facts.number);
  const type = random.weighted([80, 15, 5]);
  const widget = type === 1;
  const pending = facts.state === STATE.pending;
  const snoozer = random.pick(agents);
  const subject = random.chance(0.04) ? null : random.pick(SUBJECTS);

  return {
    title: subject?.replace('{n}', String(10_000 + facts.number)) ?? null,
    tags: random.some(TAGS, 3),
    starred: random.chance(0.08),
    type: (['Email', 'Widget', 'API'] as const)[type] ?? 'Email',
    closedBy: facts.state === STATE.closed ? (facts.assignee ?? random.pick(agents)).email : null,
    stateChangedAt: facts.state === STATE.unread ? null : facts.updatedAt,
    assignedAt: facts.assignee === null ? null : facts.createdAt + random.int(60, 7200),
    snoozedUntil:
      pending && random.chance(0.5) ? facts.updatedAt + 86_400 * random.int(1, 14) : null,
    snoozedById: pending ? snoozer.id : null,
    browser: widget ? random.pick(['Chrome 120', 'Firefox 121', 'Safari 17']) : null,
    pageTitle: widget ? random.pick(['Pricing – Acme', 'Hilfe & Kontakt', 'Checkout 🛒']) : null,
    pageUrl: widget ? `https://shop.example.com/p/${facts.number}?ref=widget&lang=fr` : null,
    platform: widget ? random.pick(['Mac OS X', 'Windows', 'iOS', 'Android']) : null,
  };
}

export function tagId(seed: number, tag: string): string {
  let code = 0;
  for (const char of tag) code = hash32(code, char.codePointAt(0) ?? 0);
  return tenDigitId(code, seed);
}

export function serializeTicket(
  seed: number,
  facts: TicketFacts,
  content: TicketContent,
  first: MessageDigest | null,
  last: MessageDigest | null,
  origin: string,
): JsonObject {
  const { number } = facts;
  const ticketUrl = `${origin}/v1/tickets/${number}`;
  const closed = facts.state === STATE.closed;
  const links: JsonObject = {
    customer: { id: facts.customer.id, href: `${origin}/v1/customers/${facts.customer.email}` },
    drafts: { href: `${ticketUrl}/drafts` },
    state: { href: `${ticketUrl}/state` },
    messages: { href: `${ticketUrl}/messages` },
  };
  if (facts.assignee !== null) {
    links.assignee = { id: facts.assignee.id, href: `${origin}/v1/agents/${facts.assignee.email}` };
  }

  return {
    number,
    title: content.title,
    state: TICKET_STATES[facts.state] ?? 'unread',
    priority: PRIORITIES[facts.priority] ?? null,
    assigned_group: facts.group?.name ?? null,
    assigned_group_id: facts.group?.id ?? null,
    assignee: facts.assignee?.email ?? null,
    closed_by: closed ? content.closedBy : null,
    resolution_time: closed ? facts.updatedAt - facts.createdAt : null,
    tags: content.tags,
    tag_ids: content.tags.map((tag) => tagId(seed, tag)),
    starred: content.starred,
    message_count: facts.messageCount,
    attachment_count: facts.attachmentCount,
    interaction_count: facts.messageCount + (content.stateChangedAt === null ? 0 : 1),
    // Cut by code points: slicing UTF-16 units can split an emoji into a lone surrogate.
    summary: first === null ? null : Array.from(first.plainText).slice(0, 100).join(''),
    search_summary: null,
    created_at: isoSeconds(facts.createdAt),
    updated_at: isoSeconds(facts.updatedAt),
    system_updated_at: isoSeconds(facts.updatedAt),
    state_changed_at: content.stateChangedAt === null ? null : isoSeconds(content.stateChangedAt),
    assigned_at: content.assignedAt === null ? null : isoSeconds(content.assignedAt),
    snoozed_until: content.snoozedUntil === null ? null : isoSeconds(content.snoozedUntil),
    snoozed_by_id: content.snoozedById,
    deleted_at: null,
    mailbox: facts.mailbox.name,
    mailbox_id: String(facts.mailbox.id),
    type: content.type,
    browser: content.browser,
    page_title: content.pageTitle,
    page_url: content.pageUrl,
    platform: content.platform,
    last_message: last?.plainText ?? null,
    last_message_plain_text: last?.plainText ?? null,
    last_message_type:
      last === null
        ? null
        : last.note
          ? 'note'
          : last.authorKind === 'agents'
            ? 'agent'
            : 'enduser',
    last_message_author:
      last === null
        ? null
        : { id: last.authorId, type: last.authorKind === 'agents' ? 'Agent' : 'Customer' },
    customer_name: facts.customer.name,
    app_url: `https://example.groovehq.com/groove_client/tickets/${number}`,
    app_customer_url: `https://example.groovehq.com/groove_client/contacts/customers/${facts.customer.id}`,
    href: ticketUrl,
    links,
  };
}

/** POST /tickets answers with the minimal body of reference/groove-samples/ticket-created.json. */
export function serializeCreatedTicket(facts: TicketFacts, origin: string): JsonObject {
  const ticketUrl = `${origin}/v1/tickets/${facts.number}`;
  const links: JsonObject = {
    customer: { href: `${origin}/v1/customers/${facts.customer.email}` },
    state: { href: `${ticketUrl}/state` },
    messages: { href: `${ticketUrl}/messages` },
  };
  if (facts.assignee !== null) {
    links.assignee = { href: `${origin}/v1/agents/${facts.assignee.email}` };
  }
  return { number: facts.number, href: ticketUrl, links };
}
