import nock from 'nock';
import { createGrooveClient } from '../../src/client/create-client';
import type { ClientOptions, HttpMethod } from '../../src/client/types';
import { RateLimitedError, ServerError } from '../../src/errors';
import {
  credential,
  GROOVE,
  manualClock,
  recordingLogger,
  rejectionOf,
  SHORT_TIMEOUT_MS,
  SLOW_REPLY_MS,
  socketError,
} from './fixtures';

type FailureName =
  '429' | '500' | '502' | '503' | '504' | 'reset' | 'refused' | 'timeout' | 'malformed';

/** Adds one failing answer of the named kind to a nock interceptor. */
function failWith(interceptor: nock.Interceptor, failure: FailureName): nock.Scope {
  switch (failure) {
    case 'reset':
      return interceptor.replyWithError(socketError('ECONNRESET'));
    case 'refused':
      return interceptor.replyWithError(socketError('ECONNREFUSED'));
    case 'timeout':
      return interceptor.delay(SLOW_REPLY_MS).reply(200, '{}');
    case 'malformed':
      return interceptor.reply(200, '<html>Bad gateway</html>');
    default:
      return interceptor.reply(Number(failure), '');
  }
}

function clientWith(options: ClientOptions = {}) {
  const clock = manualClock();
  const client = createGrooveClient(credential, {
    clock,
    requestsPerMinute: 0,
    random: () => 0.5,
    ...options,
  });
  return { client, clock };
}

// The retry rule: GET and PUT repeat on every transient failure; a POST only when Groove
// certainly did not act on it (429, connection refused).
const RULES: [FailureName, Record<'GET' | 'PUT' | 'POST', boolean>][] = [
  ['429', { GET: true, PUT: true, POST: true }],
  ['500', { GET: true, PUT: true, POST: false }],
  ['502', { GET: true, PUT: true, POST: false }],
  ['503', { GET: true, PUT: true, POST: false }],
  ['504', { GET: true, PUT: true, POST: false }],
  ['reset', { GET: true, PUT: true, POST: false }],
  ['refused', { GET: true, PUT: true, POST: true }],
  ['timeout', { GET: true, PUT: true, POST: false }],
  ['malformed', { GET: true, PUT: true, POST: false }],
];

const ROWS = RULES.flatMap(([failure, byMethod]) =>
  (['GET', 'PUT', 'POST'] as const).map((method) => ({
    method,
    failure,
    retried: byMethod[method],
    verdict: byMethod[method] ? 'retries' : 'does not retry',
  })),
);

describe('the retry rule', () => {
  it.each(ROWS)('$verdict a $method after $failure', async ({ method, failure, retried }) => {
    const interceptor = () => nock(GROOVE).intercept('/v1/tickets/5/state', method);
    const scope = failWith(interceptor(), failure)
      .intercept('/v1/tickets/5/state', method)
      .reply(200, '{"state":"closed"}');
    const { client } = clientWith(failure === 'timeout' ? { timeoutMs: SHORT_TIMEOUT_MS } : {});

    const outcome = client.request({ method, path: '/tickets/5/state', body: { state: 'closed' } });

    if (retried) {
      await expect(outcome).resolves.toMatchObject({ data: { state: 'closed' } });
      expect(scope.isDone()).toBe(true);
      expect(client.stats).toMatchObject({ requests: 2, retries: 1 });
    } else {
      await rejectionOf(outcome);
      expect(scope.pendingMocks()).toHaveLength(1);
      expect(client.stats).toMatchObject({ requests: 1, retries: 0 });
    }
  });

  it.each(['DELETE'] as HttpMethod[])(
    'treats %s like a POST: a 503 is not repeated',
    async (method) => {
      const scope = nock(GROOVE).intercept('/v1/groups/9', method).reply(503, '');
      const { client } = clientWith();

      await rejectionOf(client.request({ method, path: '/groups/9' }));

      expect(scope.isDone()).toBe(true);
      expect(client.stats.requests).toBe(1);
    },
  );

  it('gives up after maxRetries and reports the last failure', async () => {
    const scope = nock(GROOVE).get('/v1/tickets').times(3).reply(503, '');
    const { client } = clientWith({ maxRetries: 2 });

    const error = await rejectionOf(client.request({ method: 'GET', path: '/tickets' }));

    expect(error).toBeInstanceOf(ServerError);
    expect(scope.isDone()).toBe(true);
    expect(client.stats).toMatchObject({ requests: 3, retries: 2 });
  });

  it('does not retry at all with maxRetries 0', async () => {
    const scope = nock(GROOVE)
      .get('/v1/tickets')
      .reply(502, '')
      .get('/v1/tickets')
      .reply(200, '{}');
    const { client } = clientWith({ maxRetries: 0 });

    await rejectionOf(client.request({ method: 'GET', path: '/tickets' }));

    expect(scope.pendingMocks()).toHaveLength(1);
  });
});

describe('backoff', () => {
  it.each([
    [0, [500, 1000, 2000, 4000]],
    [0.5, [750, 1500, 3000, 6000]],
    [0.998, [999, 1998, 3996, 7992]],
  ])('waits exponentially with jitter (random %p)', async (random, waits) => {
    nock(GROOVE).get('/v1/agents').times(4).reply(503, '').get('/v1/agents').reply(200, '{}');
    const { client, clock } = clientWith({ random: () => random, maxRetries: 4 });

    await client.request({ method: 'GET', path: '/agents' });

    expect(clock.sleeps).toEqual(waits);
    expect(client.stats.waitedMs).toBe(waits.reduce((sum, wait) => sum + wait, 0));
  });

  it('logs one warning per retry with its delay and reason, and one debug line per attempt', async () => {
    nock(GROOVE).get('/v1/agents').reply(502, '').get('/v1/agents').reply(200, '{}');
    const logger = recordingLogger();
    const { client } = clientWith({ logger });

    await client.request({ method: 'GET', path: '/agents' });

    expect(logger.lines.filter((line) => line.level === 'warn')).toEqual([
      {
        level: 'warn',
        message: 'Retrying Groove request',
        fields: { method: 'GET', path: '/agents', attempt: 1, reason: 'HTTP 502', delayMs: 750 },
      },
    ]);
    const debug = logger.lines.filter((line) => line.level === 'debug').map((line) => line.fields);
    expect(debug).toEqual([
      expect.objectContaining({ method: 'GET', path: '/agents', status: 502, attempt: 1 }),
      expect.objectContaining({ method: 'GET', path: '/agents', status: 200, attempt: 2 }),
    ]);
  });
});

describe('Retry-After and rate-limit headers (groove-api.md §9)', () => {
  it('waits the seconds Retry-After gives before retrying a 429', async () => {
    const scope = nock(GROOVE)
      .get('/v1/customers')
      .reply(429, '', { 'Retry-After': '7' })
      .get('/v1/customers')
      .reply(200, '{"customers":[]}');
    const { client, clock } = clientWith();

    await client.request({ method: 'GET', path: '/customers' });

    expect(scope.isDone()).toBe(true);
    expect(clock.sleeps).toEqual([7000]);
    expect(client.stats).toMatchObject({ requests: 2, retries: 1, rateLimited: 1 });
  });

  it('waits until the HTTP date Retry-After gives', async () => {
    const clock = manualClock();
    const at = new Date(clock.now() + 30_000).toUTCString();
    const scope = nock(GROOVE)
      .get('/v1/customers')
      .reply(429, '', { 'Retry-After': at })
      .get('/v1/customers')
      .reply(200, '{}');
    const client = createGrooveClient(credential, { clock, requestsPerMinute: 0 });

    await client.request({ method: 'GET', path: '/customers' });

    expect(scope.isDone()).toBe(true);
    expect(clock.sleeps).toEqual([30_000]);
  });

  it('honours Retry-After on a 503 as well', async () => {
    nock(GROOVE)
      .get('/v1/folders')
      .reply(503, '', { 'Retry-After': '12' })
      .get('/v1/folders')
      .reply(200, '{}');
    const { client, clock } = clientWith();

    await client.request({ method: 'GET', path: '/folders' });

    expect(clock.sleeps).toEqual([12_000]);
  });

  it('waits for X-RateLimit-Reset when a 429 says no requests remain', async () => {
    nock(GROOVE)
      .get('/v1/groups')
      .reply(429, '', { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '20' })
      .get('/v1/groups')
      .reply(200, '{}');
    const { client, clock } = clientWith();

    await client.request({ method: 'GET', path: '/groups' });

    expect(clock.sleeps).toEqual([20_000]);
  });

  it('fails with RateLimitedError instead of sleeping when Retry-After passes the cap', async () => {
    const scope = nock(GROOVE)
      .get('/v1/tickets')
      .reply(429, '', { 'Retry-After': '3600' })
      .get('/v1/tickets')
      .reply(200, '{}');
    const { client, clock } = clientWith({ maxWaitMs: 120_000 });

    const error = await rejectionOf(client.request({ method: 'GET', path: '/tickets' }));

    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ retryAfterMs: 3_600_000, retryable: true });
    expect((error as Error).message).toContain('asked to wait 3600 s, longer than the 120 s');
    expect(clock.sleeps).toEqual([]);
    expect(scope.pendingMocks()).toHaveLength(1);
  });

  it('fails the next request fast, without sending it, while Groove asked for a wait past the cap', async () => {
    nock(GROOVE).get('/v1/tickets').reply(429, '', { 'Retry-After': '3600' });
    const later = nock(GROOVE).get('/v1/agents').reply(200, '{}');
    const { client } = clientWith();
    await rejectionOf(client.request({ method: 'GET', path: '/tickets' }));

    const error = await rejectionOf(client.request({ method: 'GET', path: '/agents' }));

    expect(error).toBeInstanceOf(RateLimitedError);
    expect(later.isDone()).toBe(false);
  });

  it('reports RateLimitedError with the attempts made when 429s outlast the retries', async () => {
    nock(GROOVE).get('/v1/tickets').times(3).reply(429, '', { 'Retry-After': '1' });
    const { client } = clientWith({ maxRetries: 2 });

    const error = await rejectionOf(client.request({ method: 'GET', path: '/tickets' }));

    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as Error).message).toContain('still refused after 3 attempts');
    expect(client.stats.rateLimited).toBe(3);
  });
});

describe('cancelling a wait', () => {
  it('stops waiting before a retry when the signal fires, and sends nothing more', async () => {
    const controller = new AbortController();
    const scope = nock(GROOVE)
      .get('/v1/tickets')
      .reply(503, '')
      .get('/v1/tickets')
      .reply(200, '{}');
    const clock = manualClock();
    clock.sleep = async (_ms, signal) => {
      controller.abort();
      throw signal?.reason;
    };
    const client = createGrooveClient(credential, { clock, signal: controller.signal });

    const error = await rejectionOf(client.request({ method: 'GET', path: '/tickets' }));

    expect(error).toMatchObject({ code: 'cancelled' });
    expect(scope.pendingMocks()).toHaveLength(1);
  });
});
