import nock from 'nock';
import { write } from '../../src/destination/write';
import {
  AuthenticationError,
  CancelledError,
  InvalidInputError,
  PermissionError,
} from '../../src/errors';
import { GROOVE, collect, credential, socketError, testClient } from './helpers';

/** How Groove (or the line to it) answers, set up on a nock interceptor for N attempts. */
type Answer = (interceptor: nock.Interceptor) => nock.Scope;

const status =
  (code: number, body: nock.Body = '', headers: Record<string, string> = {}): Answer =>
  (interceptor) =>
    interceptor.reply(code, body, headers);
const reset: Answer = (interceptor) => interceptor.replyWithError(socketError('ECONNRESET'));
const hang: Answer = (interceptor) => interceptor.delay(1_000).reply(200, '{}');

const failures: [string, Answer, { code: string; retryable: boolean; status?: number }][] = [
  [
    '401',
    status(401, { error: 'Unauthorized' }),
    { code: 'authentication_failed', retryable: false, status: 401 },
  ],
  [
    '403',
    status(403, { error: 'Forbidden' }),
    { code: 'permission_denied', retryable: false, status: 403 },
  ],
  [
    '404',
    status(404, { error: 'Not found' }),
    { code: 'not_found', retryable: false, status: 404 },
  ],
  [
    '422',
    status(422, { errors: ['State is invalid'] }),
    { code: 'invalid_request', retryable: false, status: 422 },
  ],
  [
    '429',
    status(429, '', { 'Retry-After': '1' }),
    { code: 'rate_limited', retryable: true, status: 429 },
  ],
  ['503', status(503, '<html>down</html>'), { code: 'server_error', retryable: true, status: 503 }],
  ['a reset connection', reset, { code: 'network_error', retryable: true }],
  ['no answer in time', hang, { code: 'timeout', retryable: true }],
];

describe('an update that fails', () => {
  it.each(failures)('after %s is reported failed with its code', async (_kind, answer, error) => {
    let attempts = 0;
    const scope = answer(nock(GROOVE).put('/v1/tickets/7/state').times(3));
    scope.on('request', () => (attempts += 1));

    const { results, summary } = await collect(
      write(
        credential,
        { operation: 'update_ticket_state' },
        [{ ticket_number: 7, state: 'closed' }],
        {
          client: testClient({ timeoutMs: 100 }),
        },
      ),
    );

    expect(results).toEqual([
      {
        type: 'result',
        index: 0,
        operation: 'update_ticket_state',
        status: 'failed',
        error: expect.objectContaining(error),
      },
    ]);
    expect(summary?.counts.failed).toBe(1);
    // Updates are safe to repeat: the client retries what may pass on a second try.
    expect(attempts).toBe(error.retryable ? 3 : 1);
  });

  it('after 422 carries Groove’s own words', async () => {
    nock(GROOVE)
      .put('/v1/tickets/7/priority')
      .reply(422, { errors: ['Priority is not valid'] });

    const { results } = await collect(
      write(
        credential,
        { operation: 'update_ticket_priority' },
        [{ ticket_number: 7, priority: 'low' }],
        {
          client: testClient(),
        },
      ),
    );

    expect(results[0]).toMatchObject({
      status: 'failed',
      error: { code: 'invalid_request', messages: ['Priority is not valid'] },
    });
  });
});

describe('a customer rename that fails after it may have taken effect', () => {
  it('is not sent again and is reported unknown, with how to check', async () => {
    let attempts = 0;
    const scope = nock(GROOVE)
      .put('/v1/customers/fatima%40example.net')
      .times(3)
      .replyWithError(socketError('ECONNRESET'));
    scope.on('request', () => (attempts += 1));
    const record = { email: 'fatima@example.net', new_email: 'fatima.new@example.net' };

    const { results } = await collect(
      write(credential, { operation: 'update_customer' }, [record], {
        client: testClient({ timeoutMs: 100 }),
      }),
    );

    expect(results).toEqual([
      expect.objectContaining({
        status: 'unknown',
        error: expect.objectContaining({ code: 'outcome_unknown' }),
        check: expect.stringMatching(/fatima\.new@example\.net/),
      }),
    ]);
    expect(attempts).toBe(1);
  });

  it('is retried like any update when the email stays the same', async () => {
    nock(GROOVE)
      .put('/v1/customers/fatima%40example.net')
      .replyWithError(socketError('ECONNRESET'))
      .put('/v1/customers/fatima%40example.net')
      .reply(200, { customer: { email: 'fatima@example.net' } });
    const record = { email: 'fatima@example.net', new_email: 'fatima@example.net', name: 'F' };

    const { results } = await collect(
      write(credential, { operation: 'update_customer' }, [record], {
        client: testClient({ timeoutMs: 100 }),
      }),
    );

    expect(results).toEqual([expect.objectContaining({ status: 'updated' })]);
  });
});

describe('a create that fails', () => {
  const record = {
    body: 'Printer on fire',
    from: 'casey@example.net',
    to: 'support@example.com',
    subject: 'Fire',
  };

  it.each([
    ['401', 'failed', 'authentication_failed', status(401)],
    ['403', 'failed', 'permission_denied', status(403)],
    ['422', 'failed', 'invalid_request', status(422, { errors: ['To is invalid'] })],
    ['500', 'unknown', 'outcome_unknown', status(500)],
    ['503', 'unknown', 'outcome_unknown', status(503)],
    ['a reset after sending', 'unknown', 'outcome_unknown', reset],
    ['no answer in time', 'unknown', 'outcome_unknown', hang],
    ['a 201 whose body is not JSON', 'unknown', 'outcome_unknown', status(201, '<html>ok</html>')],
    ['a 201 that names no ticket', 'unknown', 'unexpected_response', status(201, { ticket: {} })],
  ])('after %s is %s (%s) and is sent exactly once', async (_kind, outcome, code, answer) => {
    let attempts = 0;
    const scope = answer(nock(GROOVE).post('/v1/tickets').times(3));
    scope.on('request', () => (attempts += 1));

    const { results } = await collect(
      write(credential, { operation: 'create_ticket' }, [record], {
        client: testClient({ timeoutMs: 100 }),
      }),
    );

    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: outcome, error: { code, retryable: false } });
    expect(attempts).toBe(1);
  });

  it('that may have happened says how to check before sending it again', async () => {
    nock(GROOVE).post('/v1/tickets').reply(502);

    const { results } = await collect(
      write(credential, { operation: 'create_ticket' }, [record], { client: testClient() }),
    );

    expect(results[0]).toMatchObject({
      status: 'unknown',
      check:
        'Groove may have created this ticket. Before sending the record again, look in Groove for a ticket from casey@example.net to support@example.com with the subject "Fire".',
    });
  });

  it('that a reply may have reached names the ticket to look at', async () => {
    nock(GROOVE).post('/v1/tickets/8/messages').replyWithError(socketError('ECONNRESET'));

    const { results } = await collect(
      write(credential, { operation: 'create_message' }, [{ ticket_number: 8, body: 'Hi' }], {
        client: testClient(),
      }),
    );

    expect(results[0]).toMatchObject({
      status: 'unknown',
      check:
        "Groove may have added this reply to ticket 8. Before sending the record again, look at that ticket's latest messages for one with this body.",
    });
  });

  it('after 429 is retried, since Groove did nothing, and reported rate limited when it persists', async () => {
    let attempts = 0;
    const scope = nock(GROOVE).post('/v1/tickets').times(3).reply(429, '', { 'Retry-After': '2' });
    scope.on('request', () => (attempts += 1));

    const { results } = await collect(
      write(credential, { operation: 'create_ticket' }, [record], { client: testClient() }),
    );

    expect(results[0]).toMatchObject({
      status: 'failed',
      error: { code: 'rate_limited', retryable: true },
    });
    expect(attempts).toBe(3);
  });

  it('after a 404 on its ticket is reported not found', async () => {
    nock(GROOVE).post('/v1/tickets/999/messages').reply(404, { error: 'Not found' });

    const { results } = await collect(
      write(credential, { operation: 'create_message' }, [{ ticket_number: 999, body: 'Hi' }], {
        client: testClient(),
      }),
    );

    expect(results[0]).toMatchObject({
      status: 'failed',
      error: { code: 'not_found', retryable: false },
    });
  });
});

describe('a write that meets trouble', () => {
  const states = [
    { ticket_number: 1, state: 'closed' },
    { ticket_number: 2, state: 'closed' },
    { ticket_number: 3, state: 'closed' },
  ];

  it('skips a bad record, reports it naming the field, and goes on', async () => {
    const scope = nock(GROOVE)
      .put('/v1/tickets/1/state')
      .reply(204)
      .put('/v1/tickets/3/state')
      .reply(204);
    const records = [states[0], { ticket_number: 2, state: 'done' }, states[2]];

    const { results, summary, error } = await collect(
      write(credential, { operation: 'update_ticket_state' }, records, { client: testClient() }),
    );

    expect(error).toBeUndefined();
    expect(results.map((result) => result.status)).toEqual(['updated', 'failed', 'updated']);
    expect(results[1]).toMatchObject({
      index: 1,
      error: {
        code: 'invalid_input',
        retryable: false,
        issues: [
          {
            field: 'state',
            label: 'State',
            message: 'State must be one of: unread, opened, pending, closed, spam.',
          },
        ],
      },
    });
    expect(summary).toMatchObject({
      records: 3,
      counts: { updated: 2, failed: 1 },
      stopped: null,
      requests: 2,
    });
    expect(scope.isDone()).toBe(true);
  });

  it('stops at a bad record when the form says stop, and sends nothing after it', async () => {
    const scope = nock(GROOVE).put('/v1/tickets/1/state').reply(204);
    const records = [states[0], { ticket_number: 'two', state: 'closed' }, states[2]];
    const form = { operation: 'update_ticket_state', on_invalid_record: 'stop' };

    const { results, summary, error } = await collect(
      write(credential, form, records, { client: testClient() }),
    );

    expect(results.map((result) => result.status)).toEqual(['updated', 'failed']);
    expect(summary).toMatchObject({
      records: 2,
      stopped: { code: 'invalid_input', index: 1 },
      requests: 1,
    });
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    [401, AuthenticationError, 'authentication_failed'],
    [403, PermissionError, 'permission_denied'],
  ])('stops at the first %s, which every later record would meet too', async (code, type, name) => {
    let attempts = 0;
    const scope = nock(GROOVE)
      .put(/\/v1\/tickets\/\d+\/state/)
      .times(3)
      .reply(code);
    scope.on('request', () => (attempts += 1));

    const { results, summary, error } = await collect(
      write(credential, { operation: 'update_ticket_state' }, states, { client: testClient() }),
    );

    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ index: 0, status: 'failed', error: { code: name } });
    expect(summary).toMatchObject({ records: 1, stopped: { code: name, index: 0 }, requests: 1 });
    expect(error).toBeInstanceOf(type);
    expect(attempts).toBe(1);
  });

  it('stops taking records once cancelled, after a summary', async () => {
    const scope = nock(GROOVE)
      .put(/\/v1\/tickets\/\d+\/state/)
      .times(3)
      .reply(204);
    const controller = new AbortController();
    const seen: string[] = [];
    let thrown: unknown;

    try {
      for await (const message of write(credential, { operation: 'update_ticket_state' }, states, {
        client: testClient(),
        signal: controller.signal,
      })) {
        seen.push(message.type === 'summary' ? `summary:${message.stopped?.code}` : message.status);
        controller.abort();
      }
    } catch (error) {
      thrown = error;
    }

    expect(seen).toEqual(['updated', 'summary:cancelled']);
    expect(thrown).toBeInstanceOf(CancelledError);
    expect(scope.pendingMocks()).toHaveLength(1);
  });

  it('refuses a bad credential before sending anything', async () => {
    const { results, summary, error } = await collect(
      write({ credential_name: 'x', api_key: '' }, { operation: 'update_ticket_state' }, states),
    );

    expect(results).toEqual([]);
    expect(summary).toBeUndefined();
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues[0]).toMatchObject({ field: 'api_key' });
  });

  it('refuses a bad form before sending anything', async () => {
    const { results, error } = await collect(
      write(credential, { operation: 'update_ticket_state', concurrency: 9 }, states),
    );

    expect(results).toEqual([]);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues).toEqual([
      expect.objectContaining({ field: 'concurrency', label: 'Concurrency' }),
    ]);
  });
});
