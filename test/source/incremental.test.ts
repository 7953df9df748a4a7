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
    const state: SourceState = {
      version: 1,
      streams: { tickets: { watermark: '2017-12-14T15:00:00.000Z' } },
    };
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

  it('never moves the watermark past Groove’s clock at the start of the scan, so a ticket changed mid-scan is read next time', async () => {
    const scope = nock(GROOVE_ORIGIN)
      .get('/v1/tickets')
      .query(true)
      .reply(
        200,
        {
          tickets: [{ number: 1, updated_at: '2026-03-01T10:00:05Z' }],
          meta: {
            pagination: { current_page: 1, total_pages: 1, total_count: 1, next_page: null },
          },
        },
        { Date: 'Sun, 01 Mar 2026 10:00:00 GMT' },
      );

    const messages = await readAll(
      { streams: [{ name: 'tickets' }], sync_mode: 'incremental' },
      { client: testClient() },
    );

    expect(lastState(messages).streams['tickets']).toEqual({
      watermark: '2026-03-01T10:00:00.000Z',
    });
    expect(scope.isDone()).toBe(true);
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
