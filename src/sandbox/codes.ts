// Compact codes for the per-ticket index arrays (one byte each).

export const TICKET_STATES = ['unread', 'opened', 'pending', 'closed', 'spam'] as const;
export type TicketState = (typeof TICKET_STATES)[number];

/** Index 0 is "no priority" (Groove sends null). */
export const PRIORITIES = [null, 'low', 'medium', 'high', 'urgent'] as const;
export type Priority = Exclude<(typeof PRIORITIES)[number], null>;

export const STATE = { unread: 0, opened: 1, pending: 2, closed: 3, spam: 4 } as const;

export function stateCode(state: string): number | undefined {
  const code = TICKET_STATES.indexOf(state as TicketState);
  return code < 0 ? undefined : code;
}

export function priorityCode(priority: string): number | undefined {
  const code = PRIORITIES.indexOf(priority as Priority);
  return code <= 0 ? undefined : code;
}

// Id-space keys, so that each kind of id is its own permutation.
export const ID_KEY = {
  message: 0x5eed0001,
  customer: 0x5eed0002,
  agent: 0x5eed0003,
  group: 0x5eed0004,
  folder: 0x5eed0005,
  widget: 0x5eed0006,
  knowledgeBase: 0x5eed0007,
  category: 0x5eed0008,
  article: 0x5eed0009,
  mailbox: 0x5eed000a,
} as const;
