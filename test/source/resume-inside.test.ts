import nock from 'nock';
import { CancelledError, ServerError } from '../../src/errors';
import type { SourceMessage } from '../../src/source/messages';
import { positionOrder } from '../../src/source/positions';
import { read } from '../../src/source/read';
import type { ScanPosition, SourceState } from '../../src/source/state/state';
import { fakeGroove, makeTickets } from './helpers/fake-groove';
import { credential, GROOVE, readAll, statesOf, testClient } from './helpers/read-helpers';

afterEach(() => nock.cleanAll());

const FAMILY = { streams: [{ name: 'tickets' }, { name: 'messages' }, { name: 'attachments' }] };
const WITHOUT_ATTACHMENTS = { streams: [{ name: 'tickets' }, { name: 'messages' }] };
const GIVEN_TICKETS = {
  streams: [
    { name: 'messages', ticket_numbers: [3, 6] },
    { name: 'attachments', ticket_numbers: [3, 6] },
  ],
};

/** Ticket 6 has 120 messages (three pages of 50), ticket 3 two, the others none. */
const BIG_TICKET = 6;
const tickets = () => makeTickets(12, (n) => (n === BIG_TICKET ? 120 : n === 3 ? 2 : 0));

function keyOf(message: SourceMessage): string[] {
  if (message.type !== 'RECORD') return [];
  const r = message.record;
  const key =
    message.stream === 'tickets'
      ? r['number']
      : message.stream === 'messages'
        ? r['id']
        : `${String(r['message_id'])}/${String(r['position'])}`;
  return [`${message.stream}:${String(key)}`];
}

const keys = (messages: readonly SourceMessage[]) => messages.flatMap(keyOf).sort();

/** The messages up to and including the last STATE: what a host keeps of a stopped read. */
function committed(messages: readonly SourceMessage[]): SourceMessage[] {
  const end = messages.map((m) => m.type).lastIndexOf('STATE') + 1;
  return messages.slice(0, end);
}

/** Reads to the end or to the error that stopped the read, firing the signal after n records. */
async function readStopping(config: unknown, state: SourceState | undefined, n?: number) {
  const controller = new AbortController();
  const seen: SourceMessage[] = [];
  let records = 0;
  try {
    const messages = read(credential, config, {
      client: testClient(),
      signal: controller.signal,
      ...(state === undefined ? {} : { state }),
    });
    for await (const message of messages) {
      seen.push(message);
      if (message.type === 'RECORD' && ++records === n) controller.abort();
    }
    return { seen, error: undefined };
  } catch (error) {
    return { seen, error };
  }
}

describe('checkpoints inside a ticket', () => {
  it('a read stopped inside a ticket’s messages resumes after the last page it emitted, without the ticket again', async () => {
    // Registered before the fake, so it answers first: page 3 of the big ticket fails once.
    nock(GROOVE)
      .get(`/v1/tickets/${BIG_TICKET}/messages`)
      .query({ page: '3', per_page: '50' })
      .reply(500, { errors: 'down' });
    const groove = fakeGroove(tickets());

    const stopped = await readStopping(WITHOUT_ATTACHMENTS, undefined);
    expect(stopped.error).toBeInstanceOf(ServerError);
    const kept = committed(stopped.seen);
    expect(kept.flatMap(keyOf)).toContain(`tickets:${BIG_TICKET}`);

    groove.requests.length = 0;
    const state = statesOf(kept).at(-1);
    const resumed = await readStopping(WITHOUT_ATTACHMENTS, state);

    expect(resumed.error).toBeUndefined();
    expect(resumed.seen.flatMap(keyOf)).not.toContain(`tickets:${BIG_TICKET}`);
    const bigTicketPages = groove.requests
      .filter((uri) => uri.startsWith(`/v1/tickets/${BIG_TICKET}/messages`))
      .map((uri) => new URLSearchParams(uri.split('?')[1]).get('page'));
    expect(bigTicketPages).toEqual(['3']);
    const whole = await readAll(WITHOUT_ATTACHMENTS, { client: testClient() });
    expect(keys([...kept, ...resumed.seen])).toEqual(keys(whole));
  });

  it('yields a checkpoint right after a ticket’s record, before its messages are asked for', async () => {
    fakeGroove(tickets());

    const messages = await readAll(WITHOUT_ATTACHMENTS, { client: testClient() });

    const index = messages.findIndex((m) => keyOf(m)[0] === `tickets:${BIG_TICKET}`);
    const next = messages[index + 1];
    expect(next?.type).toBe('STATE');
    const scan = next?.type === 'STATE' ? next.state.streams['messages']?.scan : undefined;
    expect(scan?.inner).toEqual({ number: BIG_TICKET, page: 1, offset: 0 });
  });

  it.each([
    ['tickets and messages', WITHOUT_ATTACHMENTS],
    ['tickets, messages and attachments', FAMILY],
  ])(
    'a read stopped inside a ticket’s messages finishes that ticket after the list moved (%s)',
    async (_what, config) => {
      const data = tickets();
      const groove = fakeGroove(data);
      const atStop = keys(await readAll(config, { client: testClient() }));
      // Eight records: tickets 12 to 7, ticket 6, then the first of its 120 messages.
      const stopped = await readStopping(config, undefined, 8);
      const kept = committed(stopped.seen);
      const saved = statesOf(kept).at(-1);
      expect(saved?.streams['messages']?.scan?.inner).toMatchObject({ number: BIG_TICKET });

      // Tickets 2 and 1, not read yet, get replies: they move to the front and ticket 6 moves
      // from slot 6 to slot 8, where tickets 8 and 7, already read, now sit at slots 6 and 7.
      for (const number of [2, 1]) {
        const ticket = data.find((candidate) => candidate.number === number);
        ticket?.messages.push({ id: `reply-${number}`, updated_at: '2026-01-01T00:00:00Z' });
        if (ticket !== undefined) ticket.updated_at = '2026-01-01T00:00:00Z';
      }
      groove.requests.length = 0;
      const resumed = await readStopping(config, saved);

      expect(resumed.error).toBeUndefined();
      const union = keys([...kept, ...resumed.seen]);
      expect(union.length).toBe(new Set(union).size);
      expect(union).toEqual(expect.arrayContaining(atStop));
      expect(union).toEqual(keys(await readAll(config, { client: testClient() })));
      const bigTicketMessages = union.filter((key) =>
        key.startsWith(`messages:000000${BIG_TICKET}`),
      );
      expect(bigTicketMessages).toHaveLength(120);
    },
  );

  it('a read stopped inside a ticket that got a reply meanwhile (it moved to the front) still finishes it and loses nothing', async () => {
    const data = tickets();
    fakeGroove(data);
    const atStop = keys(await readAll(WITHOUT_ATTACHMENTS, { client: testClient() }));
    const stopped = await readStopping(WITHOUT_ATTACHMENTS, undefined, 8);
    const kept = committed(stopped.seen);

    const big = data.find((candidate) => candidate.number === BIG_TICKET);
    big?.messages.unshift({ id: 'reply-6', updated_at: '2026-01-01T00:00:00Z' });
    if (big !== undefined) big.updated_at = '2026-01-01T00:00:00Z';
    const resumed = await readStopping(WITHOUT_ATTACHMENTS, statesOf(kept).at(-1));

    expect(resumed.error).toBeUndefined();
    const union = keys([...kept, ...resumed.seen]);
    expect(union).toEqual(expect.arrayContaining(atStop));
    // Read again, never lost: ticket 7, now at ticket 6's slot, and the message the reply
    // pushed from page 1 of ticket 6 to page 2.
    const twice = union.filter((key, index) => union.indexOf(key) !== index);
    expect(twice).toEqual(['messages:0000006049', 'tickets:7']);
  });

  it('a read resumed inside a ticket asks for the ticket’s remaining pages and the list page only, when nothing moved', async () => {
    const groove = fakeGroove(tickets());
    const stopped = await readStopping(WITHOUT_ATTACHMENTS, undefined, 8);
    const saved = statesOf(committed(stopped.seen)).at(-1);
    groove.requests.length = 0;

    const resumed = await readStopping(WITHOUT_ATTACHMENTS, saved);

    expect(resumed.error).toBeUndefined();
    expect(groove.requests.map((uri) => uri.split('&')[0])).toEqual([
      `/v1/tickets/${BIG_TICKET}/messages?page=2`,
      `/v1/tickets/${BIG_TICKET}/messages?page=3`,
      '/v1/tickets?page=1',
      '/v1/tickets/3/messages?page=1',
    ]);
  });

  it.each([
    ['tickets, messages and attachments', FAMILY],
    ['tickets and messages', WITHOUT_ATTACHMENTS],
  ])(
    'every checkpoint of a scan of %s names a position strictly after the one before',
    async (_what, config) => {
      fakeGroove(tickets());
      const order = positionOrder(['']);

      const positions = statesOf(await readAll(config, { client: testClient() })).flatMap(
        (state): ScanPosition[] => {
          const scan = state.streams['tickets']?.scan;
          return scan === undefined ? [] : [scan];
        },
      );

      expect(positions.length).toBeGreaterThanOrEqual(6);
      positions.slice(1).forEach((position, index) => {
        expect(order(position, positions[index] as ScanPosition)).toBeGreaterThan(0);
      });
    },
  );

  it.each([
    [1, 'tickets, messages and attachments', FAMILY],
    [1, 'tickets and messages', WITHOUT_ATTACHMENTS],
    [7, 'tickets, messages and attachments', FAMILY],
    [30, 'tickets and messages', WITHOUT_ATTACHMENTS],
    [49, 'tickets, messages and attachments', FAMILY],
    [1, 'the messages and attachments of given tickets', GIVEN_TICKETS],
    [20, 'the messages and attachments of given tickets', GIVEN_TICKETS],
  ])(
    'a host that stops after every %i records still finishes the read of %s, each record once',
    async (n, _what, config) => {
      fakeGroove(tickets());
      const whole = await readAll(config, { client: testClient() });
      const total = keys(whole).length;

      const kept: SourceMessage[] = [];
      let state: SourceState | undefined;
      let runs = 0;
      for (; runs <= total; runs += 1) {
        const run = await readStopping(config, state, n);
        if (run.error === undefined) {
          kept.push(...run.seen);
          break;
        }
        expect(run.error).toBeInstanceOf(CancelledError);
        const upToCheckpoint = committed(run.seen);
        kept.push(...upToCheckpoint);
        state = statesOf(upToCheckpoint).at(-1) ?? state;
      }

      expect(runs).toBeLessThan(total);
      expect(keys(kept)).toEqual(keys(whole));
      expect(new Set(keys(kept)).size).toBe(total);
    },
    120_000,
  );
});
