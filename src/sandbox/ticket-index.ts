import { folderHolds, type FolderRule } from './directory';
import { HISTORY_END, HISTORY_START } from './dates';
import { Random, STREAM } from './random';

// The compact per-ticket index: one typed-array slot per ticket number, so filtering and
// ordering 100,000+ tickets never generates a ticket. Everything else about a ticket is
// generated on demand from (seed, number).

/** Which tickets a list request wants; undefined fields do not filter. */
export interface TicketFilter {
  state?: number;
  /** Agent position + 1, or 0 for unassigned. */
  assignee?: number;
  customer?: number;
  folder?: FolderRule;
  mailbox?: number;
}

export interface TicketIndexSizes {
  tickets: number;
  customers: number;
  agents: number;
  groups: number;
  mailboxes: number;
}

/** Tickets with this many seeded messages or more span several pages of 50. */
const MANY_MESSAGES = { min: 101, max: 180 } as const;

export class TicketIndex {
  count = 0;
  state = new Uint8Array(0);
  assignee = new Uint8Array(0);
  group = new Uint8Array(0);
  priority = new Uint8Array(0);
  mailbox = new Uint8Array(0);
  customer = new Uint32Array(0);
  createdAt = new Uint32Array(0);
  updatedAt = new Uint32Array(0);
  /** Messages now, written ones included. */
  messageCount = new Uint16Array(0);
  /** Messages generated from the seed; written ones come after these. */
  seededMessages = new Uint16Array(0);

  private readonly seededOrder: Uint32Array;
  private readonly touched = new Map<number, number>();
  private touchSeq = 0;
  private order: Uint32Array | undefined;
  private readonly filtered = new Map<string, Uint32Array>();

  constructor(seed: number, sizes: TicketIndexSizes) {
    this.grow(sizes.tickets + 1);
    const step = Math.max(1, Math.floor((HISTORY_END - HISTORY_START) / sizes.tickets));

    for (let number = 1; number <= sizes.tickets; number++) {
      const random = new Random(seed, STREAM.ticketIndex, number);
      const messages = seededMessageCount(random, number);
      const created = HISTORY_START + (number - 1) * step + random.int(0, step - 1);
      const activity = messages === 0 ? random.int(0, 3600) : random.int(60, 86_400 * 30);
      // Skewed towards the first customers, so some of them have many tickets.
      this.customer[number] = Math.floor(sizes.customers * random.next() ** 2);
      this.state[number] = random.weighted([12, 20, 13, 45, 10]);
      this.assignee[number] = random.chance(0.25) ? 0 : random.int(1, sizes.agents);
      this.group[number] = random.chance(0.4) ? 0 : random.int(1, sizes.groups);
      this.priority[number] = random.weighted([55, 15, 12, 12, 6]);
      this.mailbox[number] = random.weighted([70, 20, 10]) % sizes.mailboxes;
      this.createdAt[number] = created;
      this.updatedAt[number] = created + activity;
      this.messageCount[number] = messages;
      this.seededMessages[number] = messages;
    }
    this.count = sizes.tickets;

    this.seededOrder = new Uint32Array(sizes.tickets);
    for (let position = 0; position < sizes.tickets; position++) {
      this.seededOrder[position] = position + 1;
    }
    this.seededOrder.sort((a, b) => this.compareSeeded(a, b));
  }

  has(number: number): boolean {
    return Number.isInteger(number) && number >= 1 && number <= this.count;
  }

  /** Makes room for one more ticket and returns its number. */
  add(): number {
    if (this.count + 1 >= this.state.length) this.grow(this.state.length * 2);
    this.count++;
    this.touch(this.count);
    return this.count;
  }

  /** Records that a ticket changed: it moves up in the newest-activity-first order. */
  touch(number: number): void {
    this.touched.set(number, ++this.touchSeq);
    this.order = undefined;
    this.filtered.clear();
  }

  /** Ticket numbers, newest activity first (reference/groove-api.md §6, §13.13). */
  list(filter: TicketFilter = {}): Uint32Array {
    const order = this.currentOrder();
    const key = filterKey(filter);
    if (key === '') return order;

    const cached = this.filtered.get(key);
    if (cached !== undefined) return cached;
    const matches: number[] = [];
    for (const number of order) if (this.matches(number, filter)) matches.push(number);
    const result = Uint32Array.from(matches);
    this.filtered.set(key, result);
    return result;
  }

  matches(number: number, filter: TicketFilter): boolean {
    if (filter.state !== undefined && this.state[number] !== filter.state) return false;
    if (filter.assignee !== undefined && this.assignee[number] !== filter.assignee) return false;
    if (filter.customer !== undefined && this.customer[number] !== filter.customer) return false;
    if (filter.mailbox !== undefined && this.mailbox[number] !== filter.mailbox) return false;
    if (filter.folder === undefined) return true;
    return folderHolds(
      filter.folder,
      this.state[number] ?? 0,
      this.assignee[number] ?? 0,
      this.priority[number] ?? 0,
    );
  }

  private currentOrder(): Uint32Array {
    if (this.order !== undefined) return this.order;

    const moved = [...this.touched.keys()].sort((a, b) => this.compareCurrent(a, b));
    const order = new Uint32Array(this.count);
    let position = 0;
    let next = 0;
    for (const number of this.seededOrder) {
      if (this.touched.has(number)) continue;
      while (next < moved.length && this.compareCurrent(moved[next] ?? 0, number) < 0) {
        order[position++] = moved[next++] ?? 0;
      }
      order[position++] = number;
    }
    while (next < moved.length) order[position++] = moved[next++] ?? 0;

    this.order = order;
    return order;
  }

  private compareSeeded(a: number, b: number): number {
    return (this.updatedAt[b] ?? 0) - (this.updatedAt[a] ?? 0) || b - a;
  }

  /** Newest first; on a tie the latest write first, then the higher number. */
  private compareCurrent(a: number, b: number): number {
    const byTime = (this.updatedAt[b] ?? 0) - (this.updatedAt[a] ?? 0);
    if (byTime !== 0) return byTime;
    return (this.touched.get(b) ?? 0) - (this.touched.get(a) ?? 0) || b - a;
  }

  private grow(capacity: number): void {
    this.state = resized(this.state, capacity);
    this.assignee = resized(this.assignee, capacity);
    this.group = resized(this.group, capacity);
    this.priority = resized(this.priority, capacity);
    this.mailbox = resized(this.mailbox, capacity);
    this.customer = resized(this.customer, capacity);
    this.createdAt = resized(this.createdAt, capacity);
    this.updatedAt = resized(this.updatedAt, capacity);
    this.messageCount = resized(this.messageCount, capacity);
    this.seededMessages = resized(this.seededMessages, capacity);
  }
}

/** Most tickets have a few messages; every 50th none; every 250th more than 100. */
function seededMessageCount(random: Random, number: number): number {
  if (number % 50 === 11) return 0;
  if (number % 250 === 7) return random.int(MANY_MESSAGES.min, MANY_MESSAGES.max);
  if (random.chance(0.03)) return 0;
  return 1 + Math.floor(-Math.log(1 - random.next()) * 3);
}

function filterKey(filter: TicketFilter): string {
  const folder = filter.folder === undefined ? '' : JSON.stringify(filter.folder);
  const parts = [filter.state, filter.assignee, filter.customer, filter.mailbox, folder];
  return parts.every((part) => part === undefined || part === '') ? '' : parts.join('|');
}

function resized<T extends Uint8Array | Uint16Array | Uint32Array>(array: T, capacity: number): T {
  const Constructor = array.constructor as new (length: number) => T;
  const next = new Constructor(capacity);
  next.set(array);
  return next;
}
