import type { Account } from './account';
import { serializeCustomer } from './customers';
import { folderHolds } from './directory';
import type { KnowledgeBase } from './knowledge-base';
import { seededAttachmentCount, serializeAttachments, serializeMessage } from './messages';
import { serializeAgent } from './routes-people';
import type { JsonObject } from './types';

export interface SandboxCounts {
  tickets: number;
  ticketsWithoutMessages: number;
  messages: number;
  attachments: number;
  customers: number;
  agents: number;
  groups: number;
  mailboxes: number;
  folders: number;
  widgets: number;
  knowledgeBases: number;
  kbCategories: number;
  kbArticles: number;
}

/**
 * Read access to what the sandbox serves, built by the same functions as its answers, so a
 * test or a benchmark can check that a read emitted every record, and count the requests a
 * read needs at least. Large collections are generators: nothing is materialized.
 */
export class SandboxData {
  constructor(
    private readonly account: Account,
    private readonly knowledgeBases: readonly KnowledgeBase[],
    private readonly widgetRecords: readonly JsonObject[],
    private readonly origin: string,
  ) {}

  /** Ticket numbers in list order: newest activity first. */
  ticketNumbers(): number[] {
    return Array.from(this.account.tickets.list());
  }

  ticket(number: number): JsonObject | undefined {
    return this.account.tickets.has(number)
      ? this.account.ticketJson(number, this.origin)
      : undefined;
  }

  *tickets(): Generator<JsonObject> {
    for (const number of this.account.tickets.list())
      yield this.account.ticketJson(number, this.origin);
  }

  /** A ticket's messages as listed: newest first. */
  messages(number: number): JsonObject[] {
    const count = this.account.tickets.messageCount[number] ?? 0;
    const listed: JsonObject[] = [];
    for (let position = count - 1; position >= 0; position--) {
      const message = this.account.message(number, position);
      if (message === undefined) continue;
      listed.push(serializeMessage(message, this.account.messageId(message), this.origin, 'list'));
    }
    return listed;
  }

  /** Message ids of a ticket, newest first. */
  messageIds(number: number): string[] {
    return this.messages(number).map((message) => String(message.id));
  }

  attachments(messageId: string): JsonObject[] | undefined {
    const found = this.account.messageById(messageId);
    return found === undefined
      ? undefined
      : serializeAttachments(found.message, found.id, this.origin);
  }

  customer(emailOrId: string): JsonObject | undefined {
    const customer = this.account.customers.find(emailOrId);
    return customer === undefined ? undefined : serializeCustomer(customer, this.origin);
  }

  *customers(): Generator<JsonObject> {
    for (let index = 0; index < this.account.customers.count; index++) {
      const customer = this.account.customers.get(index);
      if (customer !== undefined) yield serializeCustomer(customer, this.origin);
    }
  }

  agents(): JsonObject[] {
    return this.account.directory.agents.map((agent) => serializeAgent(agent, this.origin));
  }

  groups(): Array<{ id: string; name: string; description: string | null }> {
    return this.account.directory.groups.map((group) => ({ ...group }));
  }

  mailboxes(): Array<{ id: number; name: string; email: string }> {
    return this.account.directory.mailboxes.map((mailbox) => ({ ...mailbox }));
  }

  folders(): Array<{ id: string; name: string }> {
    return this.account.directory.folders.map((folder) => ({ id: folder.id, name: folder.name }));
  }

  widgets(): JsonObject[] {
    return [...this.widgetRecords];
  }

  knowledgeBaseRecords(): JsonObject[] {
    return this.knowledgeBases.map((kb) => kb.record);
  }

  kbCategories(kbId: string): JsonObject[] {
    return this.knowledgeBases.find((kb) => kb.id === kbId)?.categories ?? [];
  }

  kbArticles(kbId: string): JsonObject[] {
    return this.knowledgeBases.find((kb) => kb.id === kbId)?.articles ?? [];
  }

  /** What GET /tickets/count answers: {folder_id: count}. */
  ticketCounts(): Record<string, number> {
    const { tickets, directory } = this.account;
    const counts: Record<string, number> = {};
    for (const folder of directory.folders) {
      let count = 0;
      for (let number = 1; number <= tickets.count; number++) {
        const holds = folderHolds(
          folder.rule,
          tickets.state[number] ?? 0,
          tickets.assignee[number] ?? 0,
          tickets.priority[number] ?? 0,
        );
        if (holds) count++;
      }
      counts[folder.id] = count;
    }
    return counts;
  }

  counts(): SandboxCounts {
    const { tickets, directory, customers, seed } = this.account;
    let messages = 0;
    let empty = 0;
    let attachments = 0;
    for (let number = 1; number <= tickets.count; number++) {
      const count = tickets.messageCount[number] ?? 0;
      messages += count;
      if (count === 0) empty++;
      const seeded = tickets.seededMessages[number] ?? 0;
      for (let position = 0; position < seeded; position++) {
        attachments += seededAttachmentCount(seed, number, position);
      }
    }
    return {
      tickets: tickets.count,
      ticketsWithoutMessages: empty,
      messages,
      attachments,
      customers: customers.count,
      agents: directory.agents.length,
      groups: directory.groups.length,
      mailboxes: directory.mailboxes.length,
      folders: directory.folders.length,
      widgets: this.widgetRecords.length,
      knowledgeBases: this.knowledgeBases.length,
      kbCategories: this.knowledgeBases.reduce((sum, kb) => sum + kb.categories.length, 0),
      kbArticles: this.knowledgeBases.reduce((sum, kb) => sum + kb.articles.length, 0),
    };
  }

  /**
   * The fewest list requests a full read needs at a page size: one per page of tickets and
   * customers, and one per page of messages for every ticket that has any.
   */
  minimumRequests(perPage = 50): { tickets: number; customers: number; messages: number } {
    const { tickets, customers } = this.account;
    let messagePages = 0;
    for (let number = 1; number <= tickets.count; number++) {
      messagePages += Math.ceil((tickets.messageCount[number] ?? 0) / perPage);
    }
    return {
      tickets: Math.max(1, Math.ceil(tickets.count / perPage)),
      customers: Math.max(1, Math.ceil(customers.count / perPage)),
      messages: messagePages,
    };
  }
}
