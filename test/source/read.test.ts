import nock from 'nock';
import {
  AuthenticationError,
  CancelledError,
  InvalidInputError,
  PermissionError,
} from '../../src/errors';
import { read } from '../../src/source/read';
import { fakeGroove, makeTickets } from './helpers/fake-groove';
import { credential, GROOVE, readAll, recordsOf, testClient } from './helpers/read-helpers';

afterEach(() => nock.cleanAll());

const onePage = (key: string, items: unknown[]) => ({
  [key]: items,
  meta: {
    pagination: { current_page: 1, total_pages: 1, total_count: items.length, next_page: null },
  },
});

describe('read()', () => {
  it.each([
    [
      'credential',
      { credential_name: 'x', api_key: '' },
      { streams: [{ name: 'tickets' }] },
      undefined,
    ],
    [
      'source configuration',
      credential,
      { streams: [{ name: 'tickets', mailbox: 'a' }] },
      undefined,
    ],
    [
      'state',
      credential,
      { streams: [{ name: 'tickets' }] },
      { version: 1, streams: { tickets: { watermark: 'x' } } },
    ],
  ])(
    'refuses a bad %s with InvalidInputError before sending anything',
    (subject, input, config, state) => {
      const scope = nock(GROOVE).get(/.*/).reply(200, {});

      expect(() => read(input, config, { state, client: testClient() })).toThrow(InvalidInputError);
      expect(() => read(input, config, { state, client: testClient() })).toThrow(
        `The ${subject} is not valid.`,
      );
      expect(scope.isDone()).toBe(false);
    },
  );

  it('skips a ticket whose messages answer 404 or 403, names it, and ends with a warning summary', async () => {
    nock(GROOVE)
      .get('/v1/tickets')
      .query(true)
      .reply(
        200,
        onePage(
          'tickets',
          [1, 2, 3].map((n) => ({ number: n, updated_at: '2024-01-01T00:00:00Z' })),
        ),
      )
      .get('/v1/tickets/1/messages')
      .query(true)
      .reply(404, { errors: ['Ticket not found'] })
      .get('/v1/tickets/2/messages')
      .query(true)
      .reply(403, {})
      .get('/v1/tickets/3/messages')
      .query(true)
      .reply(200, onePage('messages', [{ id: '7', updated_at: '2024-01-01T00:00:00Z' }]));

    const messages = await readAll({ streams: [{ name: 'messages' }] }, { client: testClient() });

    const logs = messages.flatMap((m) => (m.type === 'LOG' ? [m.message] : []));
    expect(logs).toEqual([
      'Skipped ticket 1: Groove answered 404 not_found.',
      'Skipped ticket 2: Groove answered 403 permission_denied.',
      'The read finished with 2 list(s) skipped (1 not_found, 1 permission_denied); their records are missing from this read.',
    ]);
    expect(recordsOf(messages, 'messages').map((r) => r['id'])).toEqual(['7']);
  });

  it.each([
    [401, AuthenticationError],
    [403, PermissionError],
  ])('stops the read when the stream itself answers %i', async (status, kind) => {
    nock(GROOVE).get('/v1/tickets').query(true).reply(status, {});

    await expect(
      readAll({ streams: [{ name: 'tickets' }] }, { client: testClient() }),
    ).rejects.toBeInstanceOf(kind);
  });

  it('fetches nothing ahead: one record pulled costs one page request', async () => {
    const groove = fakeGroove(makeTickets(120, () => 0));
    const messages = read(credential, { streams: [{ name: 'tickets' }] }, { client: testClient() });

    const first = await messages.next();

    expect(first.value).toMatchObject({ type: 'RECORD', stream: 'tickets' });
    expect(groove.requests).toHaveLength(1);
    await messages.return(undefined);
  });

  it('throws CancelledError at the next step once the signal fires, after the last checkpoint it yielded', async () => {
    fakeGroove(makeTickets(120, () => 0));
    const controller = new AbortController();
    const seen: string[] = [];

    const reading = (async () => {
      for await (const message of read(
        credential,
        { streams: [{ name: 'tickets' }] },
        {
          client: testClient(),
          signal: controller.signal,
        },
      )) {
        seen.push(message.type);
        if (message.type === 'STATE') controller.abort();
      }
    })();

    await expect(reading).rejects.toBeInstanceOf(CancelledError);
    expect(seen.filter((type) => type === 'RECORD')).toHaveLength(50);
    expect(seen[seen.length - 1]).toBe('STATE');
  });
});
