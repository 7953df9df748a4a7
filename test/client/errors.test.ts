import nock from 'nock';
import { createGrooveClient } from '../../src/client/create-client';
import type { HttpMethod } from '../../src/client/types';
import {
  AuthenticationError,
  CancelledError,
  GrooveConnectorError,
  InvalidRequestError,
  NetworkError,
  NotFoundError,
  OutcomeUnknownError,
  PermissionError,
  RateLimitedError,
  ServerError,
  TimeoutError,
  UnexpectedResponseError,
} from '../../src/errors';
import {
  credential,
  GROOVE,
  manualClock,
  rejectionOf,
  SHORT_TIMEOUT_MS,
  SLOW_REPLY_MS,
  socketError,
} from './fixtures';

function client(options: { timeoutMs?: number; signal?: AbortSignal } = {}) {
  return createGrooveClient(credential, { clock: manualClock(), maxRetries: 0, ...options });
}

describe('errors from HTTP statuses', () => {
  it.each([
    { status: 401, error: AuthenticationError, code: 'authentication_failed', retryable: false },
    { status: 403, error: PermissionError, code: 'permission_denied', retryable: false },
    { status: 404, error: NotFoundError, code: 'not_found', retryable: false },
    { status: 400, error: InvalidRequestError, code: 'invalid_request', retryable: false },
    { status: 409, error: InvalidRequestError, code: 'invalid_request', retryable: false },
    { status: 422, error: InvalidRequestError, code: 'invalid_request', retryable: false },
    { status: 429, error: RateLimitedError, code: 'rate_limited', retryable: true },
    { status: 500, error: ServerError, code: 'server_error', retryable: true },
    { status: 502, error: ServerError, code: 'server_error', retryable: true },
    { status: 503, error: ServerError, code: 'server_error', retryable: true },
    { status: 504, error: ServerError, code: 'server_error', retryable: true },
    { status: 301, error: UnexpectedResponseError, code: 'unexpected_response', retryable: false },
  ])(
    'turns HTTP $status on a GET into $error.name',
    async ({ status, error: errorClass, code, retryable }) => {
      const scope = nock(GROOVE).get('/v1/tickets').reply(status, '');

      const error = await rejectionOf(client().request({ method: 'GET', path: '/tickets' }));

      expect(error).toBeInstanceOf(errorClass);
      expect(error).toMatchObject({ code, status, retryable, request: 'GET /tickets' });
      expect(scope.isDone()).toBe(true);
    },
  );

  it.each([
    { status: 401, error: AuthenticationError },
    { status: 403, error: PermissionError },
    { status: 404, error: NotFoundError },
    { status: 422, error: InvalidRequestError },
    { status: 429, error: RateLimitedError },
    { status: 500, error: OutcomeUnknownError },
    { status: 502, error: OutcomeUnknownError },
    { status: 503, error: OutcomeUnknownError },
    { status: 504, error: OutcomeUnknownError },
    { status: 302, error: OutcomeUnknownError },
  ])('turns HTTP $status on a POST into $error.name', async ({ status, error: errorClass }) => {
    const scope = nock(GROOVE).post('/v1/tickets').reply(status, '');

    const error = await rejectionOf(
      client().request({ method: 'POST', path: '/tickets', body: { body: 'Hello' } }),
    );

    expect(error).toBeInstanceOf(errorClass);
    expect(scope.isDone()).toBe(true);
  });

  it('says the key is wrong, expired or revoked and where to generate a new one on 401', async () => {
    nock(GROOVE).get('/v1/mailboxes').reply(401, { error: 'Unauthorized' });

    const error = await rejectionOf(client().request({ method: 'GET', path: '/mailboxes' }));

    expect((error as Error).message).toBe(
      'Groove rejected the API key: it is wrong, expired or revoked (GET /mailboxes). Generate a new one in Groove under Settings > Developer > API and update the credential.',
    );
  });

  it('says an admin key is needed on 403', async () => {
    nock(GROOVE).get('/v1/mailboxes').reply(403, '');

    const error = await rejectionOf(client().request({ method: 'GET', path: '/mailboxes' }));

    expect((error as Error).message).toMatch(/not allowed.*admin.*Settings > Developer > API/);
  });

  it('names what was looked for on 404', async () => {
    nock(GROOVE).get('/v1/tickets/12').reply(404, { error: 'Not found' });

    const error = await rejectionOf(
      client().request({ method: 'GET', path: '/tickets/12', subject: 'ticket 12' }),
    );

    expect((error as Error).message).toBe('Groove says ticket 12 was not found (GET /tickets/12).');
  });

  it('leaves the query string out of the request it names', async () => {
    nock(GROOVE).get('/v1/tickets').query({ page: 3, per_page: 50 }).reply(500, '');

    const error = await rejectionOf(
      client().request({ method: 'GET', path: '/tickets', query: { page: 3, per_page: 50 } }),
    );

    expect(error).toMatchObject({ request: 'GET /tickets' });
    expect((error as Error).message).not.toContain('page');
  });
});

// Groove's error body is undocumented: reference/groove-api.md §8, §13.2.
describe('Groove error bodies (groove-api.md §8)', () => {
  it.each([
    ['{error}', { error: "Body can't be blank" }, ["Body can't be blank"]],
    [
      '{errors} as a string',
      { errors: 'Customer email is invalid' },
      ['Customer email is invalid'],
    ],
    [
      '{errors} as a list',
      { errors: ['State is invalid', 'Priority is invalid'] },
      ['State is invalid', 'Priority is invalid'],
    ],
    [
      '{errors} as a field map',
      { errors: { email: ['is invalid', 'is taken'] } },
      ['email is invalid', 'email is taken'],
    ],
    ['{message}', { message: 'Assignee not found' }, ['Assignee not found']],
    ['plain text', 'Assignee must be an agent email', ['Assignee must be an agent email']],
    ['an HTML page', '<html><body><h1>Unprocessable</h1></body></html>', []],
    ['an empty body', '', []],
  ])('reads Groove messages from %s', async (_shape, body, messages) => {
    nock(GROOVE).put('/v1/tickets/12/assignee').reply(422, body);

    const error = await rejectionOf(
      client().request({ method: 'PUT', path: '/tickets/12/assignee', body: { assignee: 'x' } }),
    );

    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).messages).toEqual(messages);
    for (const message of messages) expect((error as Error).message).toContain(message);
  });
});

describe('errors without an HTTP answer', () => {
  it.each([
    { method: 'GET', code: 'ECONNRESET', error: NetworkError },
    { method: 'GET', code: 'ECONNREFUSED', error: NetworkError },
    { method: 'GET', code: 'ENOTFOUND', error: NetworkError },
    { method: 'POST', code: 'ECONNREFUSED', error: NetworkError },
    { method: 'POST', code: 'ENOTFOUND', error: NetworkError },
    { method: 'POST', code: 'ECONNRESET', error: OutcomeUnknownError },
    { method: 'POST', code: 'EPIPE', error: OutcomeUnknownError },
  ] as { method: HttpMethod; code: string; error: typeof GrooveConnectorError }[])(
    'turns $method failing with $code into $error.name',
    async ({ method, code, error: errorClass }) => {
      const scope = nock(GROOVE).intercept('/v1/tickets', method).replyWithError(socketError(code));

      const error = await rejectionOf(client().request({ method, path: '/tickets', body: {} }));

      expect(error).toBeInstanceOf(errorClass);
      if (errorClass === NetworkError) expect((error as Error).message).toContain(code);
      expect(scope.isDone()).toBe(true);
    },
  );

  it.each([
    { method: 'GET', error: TimeoutError },
    { method: 'PUT', error: TimeoutError },
    { method: 'POST', error: OutcomeUnknownError },
  ] as { method: HttpMethod; error: typeof GrooveConnectorError }[])(
    'turns a $method that gets no answer in time into $error.name',
    async ({ method, error: errorClass }) => {
      nock(GROOVE).intercept('/v1/tickets/7/state', method).delay(SLOW_REPLY_MS).reply(200, '{}');

      const error = await rejectionOf(
        client({ timeoutMs: SHORT_TIMEOUT_MS }).request({
          method,
          path: '/tickets/7/state',
          body: {},
        }),
      );

      expect(error).toBeInstanceOf(errorClass);
      expect((error as Error).message).toContain(`${SHORT_TIMEOUT_MS} ms`);
    },
  );

  it.each([
    { method: 'GET', error: UnexpectedResponseError },
    { method: 'POST', error: OutcomeUnknownError },
  ] as { method: HttpMethod; error: typeof GrooveConnectorError }[])(
    'turns a $method answered 2xx with HTML into $error.name',
    async ({ method, error: errorClass }) => {
      nock(GROOVE).intercept('/v1/tickets', method).reply(200, '<html>Maintenance</html>');

      const error = await rejectionOf(client().request({ method, path: '/tickets', body: {} }));

      expect(error).toBeInstanceOf(errorClass);
    },
  );
});

describe('cancellation', () => {
  it('rejects with CancelledError when the request signal fires while waiting for Groove', async () => {
    nock(GROOVE).get('/v1/tickets').delay(SLOW_REPLY_MS).reply(200, '{}');
    const controller = new AbortController();

    const pending = client().request({
      method: 'GET',
      path: '/tickets',
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 10);

    expect(await rejectionOf(pending)).toBeInstanceOf(CancelledError);
  });

  it('rejects with CancelledError when the client-wide signal fires', async () => {
    nock(GROOVE).get('/v1/tickets').delay(SLOW_REPLY_MS).reply(200, '{}');
    const controller = new AbortController();

    const pending = client({ signal: controller.signal }).request({
      method: 'GET',
      path: '/tickets',
    });
    setTimeout(() => controller.abort(), 10);

    expect(await rejectionOf(pending)).toBeInstanceOf(CancelledError);
  });

  it('reports a POST cancelled in flight as outcome unknown, since Groove may have created it', async () => {
    nock(GROOVE).post('/v1/tickets').delay(SLOW_REPLY_MS).reply(201, '{}');
    const controller = new AbortController();

    const pending = client().request({
      method: 'POST',
      path: '/tickets',
      body: {},
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 10);

    expect(await rejectionOf(pending)).toBeInstanceOf(OutcomeUnknownError);
  });

  it('sends nothing when the signal has already fired', async () => {
    const scope = nock(GROOVE).post('/v1/tickets').reply(201, '{}');
    const controller = new AbortController();
    controller.abort();

    const error = await rejectionOf(
      client().request({ method: 'POST', path: '/tickets', body: {}, signal: controller.signal }),
    );

    expect(error).toBeInstanceOf(CancelledError);
    expect(scope.isDone()).toBe(false);
  });
});

describe('what an error carries', () => {
  it('holds only allow-listed fields: no axios error, config, headers or cause', async () => {
    nock(GROOVE).get('/v1/tickets').replyWithError(socketError('ECONNRESET'));

    const error = (await rejectionOf(
      client().request({ method: 'GET', path: '/tickets' }),
    )) as Error;

    expect(error).toBeInstanceOf(GrooveConnectorError);
    expect(error.cause).toBeUndefined();
    expect(Object.keys(error).sort()).toEqual(['code', 'name', 'request', 'retryable', 'status']);
    expect(JSON.stringify(error)).not.toMatch(/config|headers|Authorization/i);
  });
});
