import nock from 'nock';
import type { SourceMessage } from '../../src/source/messages';
import { read } from '../../src/source/read';
import type { SourceState } from '../../src/source/state/state';
import { fakeGroove, makeTickets, type FakeTicket } from './helpers/fake-groove';
import { credential, lastState, readAll, recordsOf, testClient } from './helpers/read-helpers';

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
      const inCatchUp = (message: SourceMessage) =>
        message.type === 'STATE' && message.state.streams['tickets']?.scan?.catch_up !== undefined;
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
});
