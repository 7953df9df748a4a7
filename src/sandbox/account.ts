import { buildDirectory, type Agent, type Directory } from './directory';
import { CustomerBook, type Customer } from './customers';
import {
  generateMessage,
  messageId,
  parseMessageId,
  seededAttachmentCount,
  type Message,
  type MessageContext,
} from './messages';
import { TicketIndex } from './ticket-index';
import {
  generateTicketContent,
  serializeTicket,
  type MessageDigest,
  type TicketContent,
  type TicketFacts,
} from './tickets';
import type { JsonObject } from './types';

export interface AccountSizes {
  tickets: number;
  customers: number;
}

/** A ticket written since start keeps its content here; seeded ones are generated. */
interface WrittenTicket {
  content: TicketContent;
  /** The seeded last activity, which places the seeded messages in time. */
  activityEnd: number;
  messages: Message[];
}

/**
 * One Groove account: the seeded data, generated on demand, plus everything written to it
 * since start. Reads here serve both the HTTP routes and `Sandbox.data`.
 */
export class Account {
  readonly directory: Directory;
  readonly customers: CustomerBook;
  readonly tickets: TicketIndex;
  private readonly written = new Map<number, WrittenTicket>();

  constructor(
    readonly seed: number,
    sizes: AccountSizes,
  ) {
    this.directory = buildDirectory(seed);
    this.customers = new CustomerBook(seed, sizes.customers);
    this.tickets = new TicketIndex(seed, {
      tickets: sizes.tickets,
      customers: sizes.customers,
      agents: this.directory.agents.length,
      groups: this.directory.groups.length,
      mailboxes: this.directory.mailboxes.length,
    });
  }

  agentAt(code: number): Agent | null {
    return code === 0 ? null : (this.directory.agents[code - 1] ?? null);
  }

  customerOf(number: number): Customer {
    const customer = this.customers.get(this.tickets.customer[number] ?? 0);
    if (customer === undefined) throw new RangeError(`ticket ${number} has no customer`);
    return customer;
  }

  facts(number: number): TicketFacts {
    const index = this.tickets;
    const assignee = this.agentAt(index.assignee[number] ?? 0);
    const group = this.directory.groups[(index.group[number] ?? 0) - 1] ?? null;
    const mailbox =
      this.directory.mailboxes[index.mailbox[number] ?? 0] ?? this.directory.mailboxes[0];
    const customer = this.customerOf(number);
    if (mailbox === undefined) throw new RangeError('the directory has no mailbox');
    return {
      number,
      state: index.state[number] ?? 0,
      priority: index.priority[number] ?? 0,
      createdAt: index.createdAt[number] ?? 0,
      updatedAt: index.updatedAt[number] ?? 0,
      assignee: assignee === null ? null : { id: assignee.id, email: assignee.email },
      group: group === null ? null : { id: group.id, name: group.name },
      mailbox,
      customer: { id: customer.id, email: customer.email, name: customer.text.name },
      messageCount: index.messageCount[number] ?? 0,
      attachmentCount: this.attachmentCount(number),
    };
  }

  content(number: number): TicketContent {
    const written = this.written.get(number);
    if (written !== undefined) return written.content;
    return generateTicketContent(this.seed, this.facts(number), this.directory.agents);
  }

  ticketJson(number: number, origin: string): JsonObject {
    const count = this.tickets.messageCount[number] ?? 0;
    const first = count === 0 ? null : this.digest(this.message(number, 0));
    const last = count === 0 ? null : this.digest(this.message(number, count - 1));
    return serializeTicket(
      this.seed,
      this.facts(number),
      this.content(number),
      first,
      last,
      origin,
    );
  }

  /** The message at a position (0 = oldest), or undefined. */
  message(number: number, position: number): Message | undefined {
    if (!this.tickets.has(number)) return undefined;
    const seeded = this.tickets.seededMessages[number] ?? 0;
    if (position < 0 || position >= (this.tickets.messageCount[number] ?? 0)) return undefined;
    if (position >= seeded) return this.written.get(number)?.messages[position - seeded];
    return generateMessage(this.messageContext(number), position);
  }

  messageById(id: string): { message: Message; id: string } | undefined {
    const place = parseMessageId(this.seed, id);
    if (place === undefined) return undefined;
    const message = this.message(place.ticket, place.position);
    return message === undefined ? undefined : { message, id };
  }

  messageId(message: Message): string {
    return messageId(this.seed, message.ticket, message.position);
  }

  /** Keeps a written ticket's content, freezing what was generated before the first write. */
  writtenTicket(number: number, fresh?: TicketContent): WrittenTicket {
    const existing = this.written.get(number);
    if (existing !== undefined) return existing;
    const record: WrittenTicket = {
      content: fresh ?? this.content(number),
      activityEnd: this.tickets.updatedAt[number] ?? 0,
      messages: [],
    };
    this.written.set(number, record);
    return record;
  }

  private messageContext(number: number): MessageContext {
    const customer = this.customerOf(number);
    return {
      seed: this.seed,
      ticket: number,
      createdAt: this.tickets.createdAt[number] ?? 0,
      activityEnd: this.written.get(number)?.activityEnd ?? this.tickets.updatedAt[number] ?? 0,
      seededCount: this.tickets.seededMessages[number] ?? 0,
      customer: { email: customer.email, firstName: customer.firstName ?? customer.email },
      agents: this.directory.agents,
    };
  }

  private attachmentCount(number: number): number {
    let total = 0;
    const seeded = this.tickets.seededMessages[number] ?? 0;
    for (let position = 0; position < seeded; position++) {
      total += seededAttachmentCount(this.seed, number, position);
    }
    for (const message of this.written.get(number)?.messages ?? []) {
      total += message.attachments.length;
    }
    return total;
  }

  private digest(message: Message | undefined): MessageDigest | null {
    if (message === undefined) return null;
    const author =
      message.author.kind === 'agents'
        ? this.directory.agents.find((agent) => agent.email === message.author.email)?.id
        : this.customers.find(message.author.email)?.id;
    return {
      plainText: message.plainText,
      authorKind: message.author.kind,
      authorId: author ?? '',
      note: message.note,
    };
  }
}
