import nock from 'nock';
import { CancelledError } from '../../src/errors';
import type { SourceMessage } from '../../src/source/messages';
import { read } from '../../src/source/read';
import type { SourceState } from '../../src/source/state/state';
import { fakeGroove, makeTickets, type FakeTicket } from './helpers/fake-groove';
import {
  credential,
  lastState,
  readAll,
  recordsOf,
  statesOf,
  testClient,
} from './helpers/read-helpers';

afterEach(() => nock.cleanAll());

const FAMILY = { streams: [{ name: 'tickets' }, { name: 'messages' }], sync_mode: 'incremental' };

/** 120 tickets of 2 messages, listed newest activity first: 120..71, 70..21, 20..1. */
function groove() {
  const tickets = makeTickets(120, () => 2);
  return { tickets, fake: fakeGroove(tickets) };
}

/** A customer replies to the ticket: it moves to the front of Groove's list (§6, §13.13). */
function reply(tickets: FakeTicket[], number: number, at: string): void {
  const ticket = tickets.find((candidate) => candidate.number === number) as FakeTicket;
  ticket.updated_at = at;
  ticket.messages.push({ id: String(number * 1000 + 500).padStart(10, '0'), updated_at: at });
}

/**
 * Reads, letting each change in `moves` happen once the ticket it is keyed by was emitted (so
 * between two page requests), and stops at the `stopAt`-th STATE message if one is given.
 */
async function readWhileMoving(
  state: SourceState | undefined,
  moves: Map<number, () => void>,
  stopAt?: (message: SourceMessage, index: number) => boolean,
) {
  const seen: SourceMessage[] = [];
  let checkpoints = 0;
  for await (const message of read(credential, FAMILY, { state, client: testClient() })) {
    seen.push(message);
    if (message.type === 'RECORD' && message.stream === 'tickets') {
      moves.get(message.record['number'] as number)?.();
    }
    if (message.type === 'STATE' && stopAt?.(message, checkpoints++) === true) break;
  }
  return seen;
}

const ticketNumbers = (messages: SourceMessage[]) =>
  recordsOf(messages, 'tickets')
    .map((ticket) => ticket['number'] as number)
    .sort((a, b) => a - b);
const messageIds = (messages: SourceMessage[]) =>
  recordsOf(messages, 'messages')
    .map((message) => message['id'] as string)
    .sort();
const allMessageIds = (tickets: FakeTicket[]) =>
  tickets.flatMap((ticket) => ticket.messages.map((message) => message.id)).sort();
const oneToHundredTwenty = Array.from({ length: 120 }, (_, index) => index + 1);

describe('reading while tickets move in Groove’s list', () => {
  it('a ticket that moves to an already-read page during a read is still emitted with all its messages', async () => {
    const { tickets, fake } = groove();
    // While page 1 is read, ticket 5 (on page 3) gets a reply and moves to page 1.
    const moves = new Map([[100, () => reply(tickets, 5, '2026-01-01T00:00:00Z')]]);

    const first = await readWhileMoving(undefined, moves);
    fake.requests.length = 0;
    const second = await readAll(FAMILY, { client: testClient(), state: lastState(first) });

    expect(ticketNumbers(first)).toEqual(oneToHundredTwenty);
    expect(recordsOf(first, 'tickets').find((t) => t['number'] === 5)).toMatchObject({
      updated_at: '2026-01-01T00:00:00Z',
    });
    expect(messageIds(first)).toEqual(allMessageIds(tickets));
    expect(recordsOf(second)).toEqual([]);
    expect(fake.requests.every((uri) => uri.startsWith('/v1/tickets?'))).toBe(true);
  });

  it('reads the list again from page 1 only after meeting a ticket twice, stopping at the first page with a ticket older than the scan', async () => {
    const { tickets, fake } = groove();
    const moves = new Map([[100, () => reply(tickets, 5, '2026-01-01T00:00:00Z')]]);

    await readWhileMoving(undefined, moves);
    const pages = fake.requests.filter((uri) => uri.startsWith('/v1/tickets?'));

    expect(pages.map((uri) => new URL(uri, 'https://x').searchParams.get('page'))).toEqual([
      '1',
      '2',
      '3',
      '1',
    ]);
  });

  it('in a full refresh, a ticket that moves to an already-read page is emitted too', async () => {
    const { tickets } = groove();
    const moves = new Map([[100, () => reply(tickets, 5, '2026-01-01T00:00:00Z')]]);
    const fullRefresh = { ...FAMILY, sync_mode: 'full_refresh' };

    const seen: SourceMessage[] = [];
    for await (const message of read(credential, fullRefresh, { client: testClient() })) {
      seen.push(message);
      if (message.type === 'RECORD' && message.stream === 'tickets') {
        moves.get(message.record['number'] as number)?.();
      }
    }

    expect(ticketNumbers(seen)).toEqual(oneToHundredTwenty);
    expect(messageIds(seen)).toEqual(allMessageIds(tickets));
  });

  it.each([0, 1, 2])(
    'a read stopped at checkpoint %i of its catch-up pass and resumed emits every ticket and message once',
    async (stop) => {
      const { tickets } = groove();
      // Ticket 5 moves while page 1 is read, ticket 6 while page 2 is: two tickets to catch up.
      const moves = new Map([
        [100, () => reply(tickets, 5, '2026-01-01T00:00:00Z')],
        [50, () => reply(tickets, 6, '2026-01-01T00:00:01Z')],
      ]);
      // Checkpoints between tickets: those inside a ticket name a place in it (scan.inner).
      const inCatchUp = (message: SourceMessage) => {
        const scan = message.type === 'STATE' ? message.state.streams['tickets']?.scan : undefined;
        return scan?.catch_up !== undefined && scan.inner === undefined;
      };
      let catchUpCheckpoints = 0;
      const stopped = await readWhileMoving(
        undefined,
        moves,
        (message) => inCatchUp(message) && catchUpCheckpoints++ === stop,
      );
      const checkpoint = lastState(stopped);
      expect(checkpoint.streams['tickets']?.scan?.catch_up).toHaveLength(2 - stop);

      const resumed = await readAll(FAMILY, { client: testClient(), state: checkpoint });
      const both = [...stopped, ...resumed];

      expect(ticketNumbers(both)).toEqual(oneToHundredTwenty);
      expect(messageIds(both)).toEqual(allMessageIds(tickets));
    },
  );

  it.each([1, 7])(
    'a host that stops after every %i records inside a big ticket caught up with still finishes, each record once',
    async (n) => {
      const { tickets } = groove();
      // Ticket 5 moves while page 1 is read, with 120 new messages: three pages to catch up with.
      const moves = new Map([
        [
          100,
          () => {
            reply(tickets, 5, '2026-01-01T00:00:00Z');
            const five = tickets.find((ticket) => ticket.number === 5) as FakeTicket;
            for (let m = 0; m < 120; m += 1) {
              five.messages.push({ id: String(5_000_000 + m), updated_at: '2026-01-01T00:00:00Z' });
            }
          },
        ],
      ]);
      const isBigTicketMessage = (message: SourceMessage) =>
        message.type === 'RECORD' &&
        message.stream === 'messages' &&
        String(message.record['id']).startsWith('5000');
      // The first run stops inside the catch-up pass, in ticket 5's messages.
      let run = await readStopping(undefined, moves, isBigTicketMessage);
      const kept: SourceMessage[] = [];
      let insideCaughtUpTicket = 0;
      for (let runs = 0; run.error !== undefined; runs += 1) {
        expect(run.error).toBeInstanceOf(CancelledError);
        expect(runs).toBeLessThan(400);
        const upToCheckpoint = committed(run.seen);
        kept.push(...upToCheckpoint);
        const state = statesOf(upToCheckpoint).at(-1);
        const scan = state?.streams['messages']?.scan;
        if (scan?.catch_up !== undefined && scan.inner !== undefined) insideCaughtUpTicket += 1;
        let records = 0;
        run = await readStopping(state, new Map(), (m) => m.type === 'RECORD' && ++records === n);
      }
      kept.push(...run.seen);

      expect(insideCaughtUpTicket).toBeGreaterThan(0);
      const ids = recordsOf(kept, 'messages').map((message) => message['id'] as string);
      expect(ids.length).toBe(new Set(ids).size);
      expect(ids.sort()).toEqual(allMessageIds(tickets));
      const numbers = recordsOf(kept, 'tickets').map((ticket) => ticket['number'] as number);
      expect(numbers.length).toBe(new Set(numbers).size);
      expect(ticketNumbers(kept)).toEqual(oneToHundredTwenty);
    },
    60_000,
  );
});

/** The messages up to and including the last STATE: what a host keeps of a stopped read. */
function committed(messages: readonly SourceMessage[]): SourceMessage[] {
  return messages.slice(0, messages.map((m) => m.type).lastIndexOf('STATE') + 1);
}

/** Reads to its end or its error, firing the signal at the message `stopAt` names. */
async function readStopping(
  state: SourceState | undefined,
  moves: Map<number, () => void>,
  stopAt: (message: SourceMessage) => boolean,
) {
  const controller = new AbortController();
  const seen: SourceMessage[] = [];
  try {
    const messages = read(credential, FAMILY, {
      client: testClient(),
      signal: controller.signal,
      ...(state === undefined ? {} : { state }),
    });
    for await (const message of messages) {
      seen.push(message);
      if (message.type === 'RECORD' && message.stream === 'tickets') {
        moves.get(message.record['number'] as number)?.();
      }
      if (stopAt(message)) controller.abort();
    }
    return { seen, error: undefined };
  } catch (error) {
    return { seen, error };
  }
}
