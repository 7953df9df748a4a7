import nock from 'nock';
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

const FAMILY = { streams: [{ name: 'tickets' }, { name: 'messages' }, { name: 'attachments' }] };
const INCREMENTAL = { ...FAMILY, sync_mode: 'incremental' };

/** Each record as "stream:key", to compare reads as multisets. */
function keys(messages: SourceMessage[]): string[] {
  return messages
    .flatMap((m) => (m.type === 'RECORD' ? [m] : []))
    .map((m) => {
      const r = m.record;
      const key =
        m.stream === 'tickets'
          ? r['number']
          : m.stream === 'messages'
            ? r['id']
            : `${r['message_id']}/${r['filename']}`;
      return `${m.stream}:${String(key)}`;
    })
    .sort();
}

/** Reads until the n-th STATE message, then stops pulling, as a host that crashed would. */
async function readUntilCheckpoint(config: unknown, state: SourceState | undefined, n: number) {
  const seen: SourceMessage[] = [];
  let checkpoints = 0;
  for await (const message of read(credential, config, { state, client: testClient() })) {
    seen.push(message);
    if (message.type === 'STATE' && ++checkpoints === n) break;
  }
  return { seen, state: lastState(seen) };
}

describe('incremental reads', () => {
  it('emits every record once on a first read, and nothing on a second read that spends only the ticket pages', async () => {
    const tickets = makeTickets(120, (n) => n % 3);
    const groove = fakeGroove(tickets);

    const first = await readAll(INCREMENTAL, { client: testClient() });
    expect(recordsOf(first, 'tickets')).toHaveLength(120);
    expect(recordsOf(first, 'messages')).toHaveLength(120);
    expect(recordsOf(first, 'attachments')).toHaveLength(120);

    groove.requests.length = 0;
    const second = await readAll(INCREMENTAL, { client: testClient(), state: lastState(first) });

    expect(recordsOf(second)).toEqual([]);
    expect(groove.requests.map((uri) => uri.replace(/\?.*/, ''))).toEqual([
      '/v1/tickets',
      '/v1/tickets',
      '/v1/tickets',
    ]);
  });

  it('after changes emits exactly the changed tickets and their new messages, asking only about those tickets', async () => {
    const tickets = makeTickets(120, (n) => n % 3);
    const groove = fakeGroove(tickets);
    const first = await readAll(INCREMENTAL, { client: testClient() });

    const changed = tickets.find((t) => t.number === 10) as FakeTicket;
    changed.updated_at = '2026-01-01T00:00:00Z';
    changed.messages.push({ id: '9999999999', updated_at: '2026-01-01T00:00:00Z' });
    const touched = tickets.find((t) => t.number === 4) as FakeTicket;
    touched.updated_at = '2026-01-01T00:00:01Z';
    groove.requests.length = 0;

    const second = await readAll(INCREMENTAL, { client: testClient(), state: lastState(first) });

    expect(keys(second)).toEqual([
      'attachments:9999999999/9999999999.pdf',
      'messages:9999999999',
      'tickets:10',
      'tickets:4',
    ]);
    const asked = groove.requests.map((uri) => uri.replace(/\?.*/, ''));
    expect(asked.filter((p) => p !== '/v1/tickets').sort()).toEqual([
      '/v1/attachments',
      '/v1/tickets/10/messages',
      '/v1/tickets/4/messages',
    ]);
  });

  it('compares updated_at as instants across both Groove date formats, never as text', async () => {
    const body = (updated: string) => ({
      tickets: [{ number: 1, updated_at: updated }],
      meta: { pagination: { current_page: 1, total_pages: 1, total_count: 1, next_page: null } },
    });
    // A version-1 state: a watermark without a boundary list.
    const state = { version: 1, streams: { tickets: { watermark: '2017-12-14T15:00:00.000Z' } } };
    // 20:09:19 +0530 is 14:39:19Z: earlier than the watermark although it sorts later as text.
    nock(GROOVE_ORIGIN)
      .get('/v1/tickets')
      .query(true)
      .reply(200, body('2017-12-14 20:09:19 +0530'));
    const older = await readAll(
      { streams: [{ name: 'tickets' }], sync_mode: 'incremental' },
      { client: testClient(), state },
    );
    nock(GROOVE_ORIGIN)
      .get('/v1/tickets')
      .query(true)
      .reply(200, body('2017-12-14 20:39:19 +0530'));
    const newer = await readAll(
      { streams: [{ name: 'tickets' }], sync_mode: 'incremental' },
      { client: testClient(), state },
    );

    expect(recordsOf(older)).toEqual([]);
    expect(recordsOf(newer)).toHaveLength(1);
  });

  it('skips records updated before start_date', async () => {
    fakeGroove(makeTickets(10, () => 0));
    const config = {
      streams: [{ name: 'tickets' }],
      sync_mode: 'incremental',
      start_date: '2025-01-01T00:05:00Z',
    };

    const messages = await readAll(config, { client: testClient() });

    expect(recordsOf(messages).map((t) => t['number'])).toEqual([10, 9, 8, 7, 6, 5]);
  });

  it('never moves the watermark past Groove’s clock at the start of the scan, and lists the later ticket it emitted so the next read skips it', async () => {
    const page = {
      tickets: [{ number: 1, updated_at: '2026-03-01T10:00:05Z' }],
      meta: { pagination: { current_page: 1, total_pages: 1, total_count: 1, next_page: null } },
    };
    const scope = nock(GROOVE_ORIGIN)
      .get('/v1/tickets')
      .query(true)
      .times(2)
      .reply(200, page, { Date: 'Sun, 01 Mar 2026 10:00:00 GMT' });
    const config = { streams: [{ name: 'tickets' }], sync_mode: 'incremental' };

    const first = await readAll(config, { client: testClient() });
    const second = await readAll(config, { client: testClient(), state: lastState(first) });

    expect(lastState(first).streams['tickets']).toEqual({
      watermark: '2026-03-01T10:00:00.000Z',
      boundary: [{ key: 'ticket 1', at: '2026-03-01T10:00:05.000Z' }],
    });
    expect(recordsOf(first)).toHaveLength(1);
    expect(recordsOf(second)).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('a ticket changed in the same second as the scan start is emitted exactly once', async () => {
    // Ticket 2 changed at 10:00:00 before the first read's page was served, ticket 3 in that
    // same second after it: the watermark (the Date header) cannot tell them apart by time.
    const ticket = (number: number, at: string) => ({ number, updated_at: at, message_count: 0 });
    const answer = (tickets: object[]) => ({
      tickets,
      meta: { pagination: { current_page: 1, total_pages: 1, total_count: 3, next_page: null } },
    });
    const before = [ticket(2, '2026-03-01T10:00:00Z'), ticket(3, '2026-02-01T00:00:00Z')];
    const after = [ticket(3, '2026-03-01T10:00:00Z'), ticket(2, '2026-03-01T10:00:00Z')];
    const date = { Date: 'Sun, 01 Mar 2026 10:00:00 GMT' };
    const scope = nock(GROOVE_ORIGIN)
      .get('/v1/tickets')
      .query(true)
      .reply(200, answer(before), date)
      .get('/v1/tickets')
      .query(true)
      .times(2)
      .reply(200, answer(after), { Date: 'Sun, 01 Mar 2026 11:00:00 GMT' });
    const config = { streams: [{ name: 'tickets' }], sync_mode: 'incremental' };
    const numbers = (messages: SourceMessage[]) => recordsOf(messages).map((t) => t['number']);

    const first = await readAll(config, { client: testClient() });
    const second = await readAll(config, { client: testClient(), state: lastState(first) });
    const third = await readAll(config, { client: testClient(), state: lastState(second) });

    expect(numbers(first)).toEqual([2, 3]);
    expect(lastState(first).streams['tickets']).toEqual({
      watermark: '2026-03-01T10:00:00.000Z',
      boundary: [{ key: 'ticket 2', at: '2026-03-01T10:00:00.000Z' }],
    });
    expect(numbers(second)).toEqual([3]);
    expect(numbers(third)).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('reads a version-1 state as it was meant: nothing at its watermark is emitted again', async () => {
    const answer = {
      tickets: [
        { number: 2, updated_at: '2026-03-01T10:00:01Z', message_count: 0 },
        { number: 1, updated_at: '2026-03-01T10:00:00Z', message_count: 0 },
      ],
      meta: { pagination: { current_page: 1, total_pages: 1, total_count: 2, next_page: null } },
    };
    const scope = nock(GROOVE_ORIGIN).get('/v1/tickets').query(true).reply(200, answer);
    const state = { version: 1, streams: { tickets: { watermark: '2026-03-01T10:00:00.000Z' } } };

    const messages = await readAll(
      { streams: [{ name: 'tickets' }], sync_mode: 'incremental' },
      { client: testClient(), state },
    );

    expect(recordsOf(messages).map((t) => t['number'])).toEqual([2]);
    expect(lastState(messages).version).toBe(3);
    expect(scope.isDone()).toBe(true);
  });

  it('warns, naming the stream and the watermark, when a state handed back has a watermark later than now', async () => {
    const answer = {
      tickets: [{ number: 1, updated_at: '2026-03-01T10:00:00Z', message_count: 0 }],
      meta: { pagination: { current_page: 1, total_pages: 1, total_count: 1, next_page: null } },
    };
    nock(GROOVE_ORIGIN).get('/v1/tickets').query(true).reply(200, answer);
    const watermark = '2999-01-01T00:00:00.000Z';
    const state = { version: 2, streams: { tickets: { watermark, boundary: [] } } };

    const messages = await readAll(
      { streams: [{ name: 'tickets' }], sync_mode: 'incremental' },
      { client: testClient(), state },
    );

    const warnings = messages.flatMap((m) => (m.type === 'LOG' && m.level === 'warn' ? [m] : []));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('tickets');
    expect(warnings[0]?.message).toContain(watermark);
    expect(messages.findIndex((m) => m.type === 'LOG')).toBe(0);
    expect(recordsOf(messages)).toEqual([]);
  });

  it('gives no such warning for a watermark in the past', async () => {
    fakeGroove(makeTickets(3, () => 0));
    const state = { version: 2, streams: { tickets: { watermark: '2020-01-01T00:00:00.000Z' } } };

    const messages = await readAll(
      { streams: [{ name: 'tickets' }], sync_mode: 'incremental' },
      { client: testClient(), state },
    );

    expect(messages.filter((m) => m.type === 'LOG')).toEqual([]);
    expect(recordsOf(messages)).toHaveLength(3);
  });
});

describe('resuming from a checkpoint', () => {
  const TICKETS_ONLY = { streams: [{ name: 'tickets' }] };

  it.each([
    ['tickets, full_refresh', TICKETS_ONLY, 260, 1],
    ['tickets, incremental', { ...TICKETS_ONLY, sync_mode: 'incremental' }, 260, 1],
    ['tickets with messages and attachments, full_refresh', FAMILY, 55, 4],
    ['tickets with messages and attachments, incremental', INCREMENTAL, 55, 4],
  ])(
    'for %s, a read stopped at a checkpoint and resumed emits what one read would, none twice',
    async (_name, config, count, step) => {
      fakeGroove(makeTickets(count, (n) => (n % 5 === 0 ? 2 : 0)));
      const whole = await readAll(config, { client: testClient() });
      // Checkpoints taken while a scan runs; after the last one a full refresh starts over.
      const states = statesOf(whole);
      const midScan = states.flatMap((state, index) =>
        Object.values(state.streams).some((stream) => stream?.scan !== undefined)
          ? [index + 1]
          : [],
      );
      expect(midScan.length).toBeGreaterThanOrEqual(5);

      for (const n of midScan.filter((_, index) => index % step === 0)) {
        const stopped = await readUntilCheckpoint(config, undefined, n);
        const resumed = await readAll(config, { client: testClient(), state: stopped.state });

        expect(keys([...stopped.seen, ...resumed])).toEqual(keys(whole));
        expect(lastState(resumed)).toEqual(lastState(whole));
      }
    },
    120_000,
  );

  it('resumes a scan whose streams stopped at different places, letting each handle only what it had not', async () => {
    const tickets = makeTickets(60, () => 1);
    fakeGroove(tickets);
    const ticketsOnly = await readUntilCheckpoint(
      { ...INCREMENTAL, streams: [{ name: 'tickets' }] },
      undefined,
      1,
    );

    const resumed = await readAll(
      { ...INCREMENTAL, streams: [{ name: 'tickets' }, { name: 'messages' }] },
      {
        client: testClient(),
        state: ticketsOnly.state,
      },
    );

    expect(recordsOf(resumed, 'tickets')).toHaveLength(10);
    expect(recordsOf(resumed, 'messages')).toHaveLength(60);
  });
});

const GROOVE_ORIGIN = 'https://api.groovehq.com';
