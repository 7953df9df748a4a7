import nock from 'nock';
import { inspect } from 'node:util';
import { createGrooveClient } from '../../src/client/create-client';
import type { ClientOptions, GrooveRequest } from '../../src/client/types';
import {
  API_KEY,
  credential,
  GROOVE,
  manualClock,
  recordingLogger,
  rejectionOf,
  SHORT_TIMEOUT_MS,
  SLOW_REPLY_MS,
  socketError,
} from './fixtures';

interface Scenario {
  arrange(): void;
  request?: Partial<GrooveRequest>;
  options?: ClientOptions;
  abortAfterMs?: number;
}

const echo = {
  error: `Token ${API_KEY} is not valid`,
  errors: { api_key: [`${API_KEY} unknown`] },
};

// Every way a request can fail, several with Groove (or a bad actor) echoing the key back.
const SCENARIOS: [string, Scenario][] = [
  ['401 echoing the key', { arrange: () => nock(GROOVE).get('/v1/x').reply(401, echo) }],
  [
    '403 as text echoing the key',
    { arrange: () => nock(GROOVE).get('/v1/x').reply(403, `no: ${API_KEY}`) },
  ],
  [
    '404 for a path holding the key',
    {
      arrange: () => nock(GROOVE).get(`/v1/tickets/${API_KEY}`).reply(404, ''),
      request: { path: `/tickets/${API_KEY}`, subject: `ticket ${API_KEY}` },
    },
  ],
  [
    '422 echoing the key',
    { arrange: () => nock(GROOVE).post('/v1/x').reply(422, echo), request: { method: 'POST' } },
  ],
  [
    '429 past the cap',
    { arrange: () => nock(GROOVE).get('/v1/x').reply(429, echo, { 'Retry-After': '9999' }) },
  ],
  [
    '429 until retries run out',
    {
      arrange: () => nock(GROOVE).get('/v1/x').times(2).reply(429, echo),
      options: { maxRetries: 1 },
    },
  ],
  ['500 echoing the key', { arrange: () => nock(GROOVE).get('/v1/x').times(5).reply(500, echo) }],
  [
    '503 on a POST',
    { arrange: () => nock(GROOVE).post('/v1/x').reply(503, echo), request: { method: 'POST' } },
  ],
  [
    'a redirect carrying the key',
    {
      arrange: () =>
        nock(GROOVE)
          .get('/v1/x')
          .reply(302, '', { Location: `https://evil.example/?access_token=${API_KEY}` }),
    },
  ],
  [
    'a connection reset',
    { arrange: () => nock(GROOVE).get('/v1/x').times(5).replyWithError(socketError('ECONNRESET')) },
  ],
  [
    'a connection refused',
    {
      arrange: () => nock(GROOVE).get('/v1/x').times(5).replyWithError(socketError('ECONNREFUSED')),
    },
  ],
  [
    'a socket error whose message holds the key',
    {
      arrange: () =>
        nock(GROOVE)
          .get('/v1/x')
          .times(5)
          .replyWithError(Object.assign(new Error(`reset ${API_KEY}`), { code: 'ECONNRESET' })),
    },
  ],
  [
    'a timeout',
    {
      arrange: () => nock(GROOVE).get('/v1/x').times(5).delay(SLOW_REPLY_MS).reply(200, '{}'),
      options: { timeoutMs: SHORT_TIMEOUT_MS },
    },
  ],
  [
    'a POST timing out',
    {
      arrange: () => nock(GROOVE).post('/v1/x').delay(SLOW_REPLY_MS).reply(200, '{}'),
      options: { timeoutMs: SHORT_TIMEOUT_MS },
      request: { method: 'POST' },
    },
  ],
  [
    'a malformed 2xx echoing the key',
    { arrange: () => nock(GROOVE).get('/v1/x').times(5).reply(200, `<html>${API_KEY}</html>`) },
  ],
  [
    'a cancellation',
    {
      arrange: () => nock(GROOVE).get('/v1/x').delay(SLOW_REPLY_MS).reply(200, '{}'),
      abortAfterMs: 10,
    },
  ],
  [
    'a refused path holding the key',
    { arrange: () => undefined, request: { path: `//${API_KEY}.example/x` } },
  ],
];

describe('no leak of the API key', () => {
  it.each(SCENARIOS)(
    'keeps the key out of everything printed or thrown after %s',
    async (_name, scenario) => {
      scenario.arrange();
      const logger = recordingLogger();
      const client = createGrooveClient(credential, {
        clock: manualClock(),
        logger,
        ...scenario.options,
      });
      const controller = new AbortController();
      if (scenario.abortAfterMs !== undefined)
        setTimeout(() => controller.abort(), scenario.abortAfterMs);

      const error = await rejectionOf(
        client.request({
          method: 'GET',
          path: '/x',
          body: {},
          signal: controller.signal,
          ...scenario.request,
        }),
      );

      const printed = [
        String(error),
        (error as Error).message,
        (error as Error).stack ?? '',
        JSON.stringify(error),
        inspect(error),
        inspect(error, { customInspect: false, showHidden: true, depth: null }),
        JSON.stringify(logger.lines),
        JSON.stringify(client.stats),
      ];
      for (const text of printed) expect(text).not.toContain(API_KEY);
    },
  );
});
