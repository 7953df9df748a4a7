import { InvalidInputError } from '../../src/errors';
import { validateSourceConfig } from '../../src/source/config';
import { STATE_VERSION } from '../../src/source/state/state';
import { validateState } from '../../src/source/state/validate-state';
import { parseGrooveTime, parseStartDate } from '../../src/source/timestamps';

function issuesOf(run: () => unknown): Array<{ field: string; message: string }> {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return [...error.issues];
    throw error;
  }
  throw new Error('expected an InvalidInputError');
}

describe('the source configuration', () => {
  it('accepts the smallest config and fills in the defaults', () => {
    expect(
      validateSourceConfig({ streams: [{ name: 'tickets' }], sync_mode: 'full_refresh' }),
    ).toEqual({
      streams: [{ name: 'tickets' }],
      sync_mode: 'full_refresh',
      start_date: undefined,
      requests_per_minute: 30,
    });
  });

  it('reads an emptied ticket list, as forms submit it, as every ticket', () => {
    const config = validateSourceConfig({ streams: [{ name: 'messages', ticket_numbers: [] }] });
    expect(config.streams).toEqual([{ name: 'messages' }]);
  });

  it.each([
    [{ streams: [] }, 'streams', 'Streams needs at least 1 item(s).'],
    [{}, 'streams', 'Streams is required.'],
    [
      { streams: [{ name: 'agents', state: 'opened' }] },
      'streams/0/state',
      'Ticket State does not apply when Stream Name is "agents"; remove it.',
    ],
    [
      { streams: [{ name: 'tickets', mailbox: '1' }] },
      'streams/0/mailbox',
      'Mailbox does not apply when Stream Name is "tickets"; remove it.',
    ],
    [
      { streams: [{ name: 'customers', ticket_numbers: [1] }] },
      'streams/0/ticket_numbers',
      'Ticket Numbers does not apply when Stream Name is "customers"; remove it.',
    ],
    [
      { streams: [{ name: 'tickets' }, { name: 'tickets' }] },
      'streams/1/name',
      'Stream Name "tickets" is picked twice; keep one.',
    ],
    [
      { streams: [{ name: 'tickets' }], start_date: '2026-02-30' },
      'start_date',
      'Start Date is not a real date or time; use YYYY-MM-DD or e.g. 2026-01-31T12:00:00Z.',
    ],
    [
      { streams: [{ name: 'tickets' }], start_date: 'yesterday' },
      'start_date',
      'Start Date has characters or a shape that is not allowed.',
    ],
    [
      { streams: [{ name: 'tickets' }], requests_per_minute: -1 },
      'requests_per_minute',
      'Requests Per Minute must be >= 0.',
    ],
    [
      { streams: [{ name: 'tickets' }], sync_mode: 'cdc' },
      'sync_mode',
      'Sync Mode must be one of: full_refresh, incremental.',
    ],
  ])('rejects %j naming %s', (config, field, message) => {
    expect(issuesOf(() => validateSourceConfig(config))).toContainEqual(
      expect.objectContaining({ field, message }),
    );
  });
});

const SCAN = { scope: 's', part: '', page: 1, offset: 0 };

describe('the state handed back', () => {
  it.each([undefined, null])('%p means a first read', (state) => {
    expect(validateState(state)).toEqual({ version: STATE_VERSION, streams: {} });
  });

  it('accepts what a read yields', () => {
    const state = {
      version: STATE_VERSION,
      streams: {
        tickets: {
          watermark: '2026-01-01T00:00:00.000Z',
          boundary: [{ key: 'ticket 7', at: '2026-01-01T00:00:00.000Z' }],
          scan: {
            scope: 's',
            part: '',
            page: 3,
            offset: 4,
            inner: {
              number: 42,
              page: 2,
              offset: 7,
              inner: { message_id: 'm1', page: 1, offset: 0 },
            },
            boundary: [{ key: 'ticket 9', at: '2026-01-02T00:00:00.000Z' }],
            drifted: true,
            catch_up: [9, 12],
          },
        },
        customers: {},
      },
    };
    expect(validateState(state)).toEqual(state);
  });

  it('reads a version-2 state and hands it on as the current version', () => {
    const tickets = { watermark: '2026-01-01T00:00:00.000Z', boundary: [], scan: SCAN };

    expect(validateState({ version: 2, streams: { tickets } })).toEqual({
      version: STATE_VERSION,
      streams: { tickets },
    });
  });

  it('reads a version-1 state and hands it on as the current version', () => {
    const tickets = { watermark: '2026-01-01T00:00:00.000Z' };

    expect(validateState({ version: 1, streams: { tickets } })).toEqual({
      version: STATE_VERSION,
      streams: { tickets },
    });
  });

  it.each([
    ['a string', 'nonsense', '(root)'],
    ['another version', { version: 4, streams: {} }, 'version'],
    ['an unknown stream', { version: 2, streams: { tweets: {} } }, 'streams'],
    [
      'a page of 0',
      { version: 2, streams: { tickets: { scan: { scope: '', part: '', page: 0, offset: 0 } } } },
      'streams/tickets/scan/page',
    ],
    [
      'a watermark that is no time',
      { version: 2, streams: { tickets: { watermark: 'soon' } } },
      'streams/tickets/watermark',
    ],
    [
      'a boundary record whose time is no time',
      { version: 2, streams: { tickets: { boundary: [{ key: 'ticket 1', at: 'soon' }] } } },
      'streams/tickets/boundary/0/at',
    ],
    [
      'a boundary record without a key',
      { version: 2, streams: { tickets: { boundary: [{ at: '2026-01-01T00:00:00Z' }] } } },
      'streams/tickets/boundary/0/key',
    ],
    [
      'a ticket to catch up with that is no number',
      {
        version: 2,
        streams: {
          tickets: { scan: { scope: '', part: '', page: 1, offset: 0, catch_up: ['7'] } },
        },
      },
      'streams/tickets/scan/catch_up/0',
    ],
    [
      'a version-1 state holding a boundary list',
      { version: 1, streams: { tickets: { boundary: [] } } },
      'streams/tickets/boundary',
    ],
    [
      'a version-2 state holding a position inside a ticket',
      { version: 2, streams: { tickets: { scan: { ...SCAN, inner: { page: 1, offset: 0 } } } } },
      'streams/tickets/scan/inner',
    ],
    [
      'a position inside an item with page 0',
      {
        version: 3,
        streams: { tickets: { scan: { ...SCAN, inner: { number: 1, page: 0, offset: 0 } } } },
      },
      'streams/tickets/scan/inner/page',
    ],
    ...[0, -3, 1.5, Number.MAX_SAFE_INTEGER + 1, '7'].map((number): [string, unknown, string] => [
      `a position inside ticket number ${String(number)}`,
      {
        version: 3,
        streams: { tickets: { scan: { ...SCAN, inner: { number, page: 1, offset: 0 } } } },
      },
      'streams/tickets/scan/inner/number',
    ]),
    [
      // Written by an unreleased build: resumed by slot it would lose the rest of that ticket.
      'a position inside an item that does not name the ticket',
      { version: 3, streams: { tickets: { scan: { ...SCAN, inner: { page: 2, offset: 0 } } } } },
      'streams/tickets/scan/inner',
    ],
    [
      'a position inside a message that does not name the message',
      {
        version: 3,
        streams: {
          tickets: {
            scan: {
              ...SCAN,
              inner: { number: 4, page: 1, offset: 0, inner: { page: 1, offset: 0 } },
            },
          },
        },
      },
      'streams/tickets/scan/inner/inner',
    ],
    [
      'a position three levels inside an item',
      {
        version: 3,
        streams: {
          tickets: {
            scan: {
              ...SCAN,
              inner: { page: 1, offset: 0, inner: { page: 1, offset: 0, inner: {} } },
            },
          },
        },
      },
      'streams/tickets/scan/inner/inner/inner',
    ],
    [
      'an extra field',
      { version: 2, streams: { tickets: { cursor: 1 } } },
      'streams/tickets/cursor',
    ],
  ])('rejects %s naming the field', (_what, state, field) => {
    expect(issuesOf(() => validateState(state)).map((issue) => issue.field)).toContain(field);
  });
});

describe('Groove times', () => {
  it.each([
    ['2012-07-17T13:41:01Z', Date.UTC(2012, 6, 17, 13, 41, 1)],
    ['2017-12-14 20:09:19 +0530', Date.UTC(2017, 11, 14, 14, 39, 19)],
    ['2017-12-14 15:54:26 UTC', Date.UTC(2017, 11, 14, 15, 54, 26)],
    ['2017-12-14T20:09:19.250+05:30', Date.UTC(2017, 11, 14, 14, 39, 19, 250)],
    ['2017-02-30T00:00:00Z', undefined],
    ['14/12/2017', undefined],
    [null, undefined],
  ])('reads %p as the instant %p', (text, instant) => {
    expect(parseGrooveTime(text)).toBe(instant);
  });

  it.each([
    ['2026-01-31', Date.UTC(2026, 0, 31)],
    ['2026-01-31T12:00Z', Date.UTC(2026, 0, 31, 12)],
    ['2026-01-31T12:00:00-02:00', Date.UTC(2026, 0, 31, 14)],
    ['2026-13-01', undefined],
  ])('reads the start date %p as %p', (text, instant) => {
    expect(parseStartDate(text)).toBe(instant);
  });
});
