/** Messages between the benchmark and its sandbox process (sandbox-server.ts). */

export interface SandboxStart {
  seed: number;
  tickets: number;
  /** 0 = no limit. */
  rateLimitPerMinute: number;
  latencyMs: number;
}

export interface SandboxReady {
  url: string;
  adminToken: string;
  /** A seeded customer and mailbox, for tickets the benchmark creates. */
  customerEmail: string;
  mailboxEmail: string;
}

/** Requests the sandbox answered since a mark, by what they were. */
export interface RequestTally {
  total: number;
  /** 2xx answers. */
  ok: number;
  rateLimited: number;
  /** Other non-2xx answers and requests never answered. */
  failed: number;
  ticketPages: number;
  messagePages: number;
  other: number;
}

/** The least number of list requests that can read what was asked, from the sandbox's data. */
export interface Minimum {
  ticketPages: number;
  messagePages: number;
  /** Tickets whose message list is empty: ceil(0 / 50) = 0 pages count toward the minimum. */
  ticketsWithoutMessages: number;
}

export interface CreatedTally {
  /** Tickets in the sandbox whose subject starts with the prefix. */
  tickets: number;
  /** Distinct record markers among them; tickets - distinct = duplicates. */
  distinct: number;
}

export type SandboxCommand =
  | { command: 'start'; options: SandboxStart }
  | { command: 'mark' }
  | { command: 'tally'; sinceSeq: number }
  | { command: 'minimum'; ticketNumbers?: number[] }
  | { command: 'change'; every: number }
  | { command: 'created'; subjectPrefix: string }
  | { command: 'replay' }
  | { command: 'close' };

export type SandboxAnswer<C extends SandboxCommand['command']> = C extends 'start'
  ? SandboxReady
  : C extends 'mark'
    ? { seq: number }
    : C extends 'tally'
      ? RequestTally
      : C extends 'minimum'
        ? Minimum
        : C extends 'change'
          ? { changed: number[] }
          : C extends 'created'
            ? CreatedTally
            : C extends 'replay'
              ? { url: string }
              : Record<string, never>;
