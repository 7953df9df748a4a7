import nock from 'nock';
import { readFileSync } from 'node:fs';
import { createGrooveClient } from '../../src/client/create-client';
import { InvalidInputError, UnexpectedResponseError } from '../../src/errors';
import { API_KEY, credential, GROOVE, manualClock, recordingLogger, rejectionOf } from './fixtures';

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

function client() {
  return createGrooveClient(credential, { clock: manualClock(), requestsPerMinute: 0 });
}

describe('what a request sends', () => {
  it('sends the key as a Bearer header, JSON Accept and the connector User-Agent', async () => {
    const scope = nock(GROOVE, {
      reqheaders: {
        authorization: `Bearer ${API_KEY}`,
        accept: 'application/json',
        'user-agent': `groove-connector/${version}`,
      },
    })
      .get('/v1/mailboxes')
      .reply(200, { mailboxes: [] });

    const response = await client().request({ method: 'GET', path: '/mailboxes' });

    expect(response).toEqual({
      status: 200,
      data: { mailboxes: [] },
      headers: expect.objectContaining({ 'content-type': 'application/json' }),
    });
    expect(scope.isDone()).toBe(true);
  });

  it('never puts the key in the URL', async () => {
    const urls: string[] = [];
    const scope = nock(GROOVE)
      .get((uri) => urls.push(uri) > 0)
      .reply(200, '{}');

    await client().request({ method: 'GET', path: '/tickets', query: { page: 2 } });

    expect(scope.isDone()).toBe(true);
    expect(urls).toContain('/v1/tickets?page=2');
    expect(urls.filter((url) => url.includes(API_KEY) || url.includes('access_token'))).toEqual([]);
  });

  it('sends a JSON body in UTF-8, unicode intact', async () => {
    const body = { subject: 'Grüße — 你好 👋', body: 'Line one\nline "two"' };
    const bytes = Buffer.byteLength(JSON.stringify(body), 'utf8');
    const scope = nock(GROOVE, {
      reqheaders: {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(bytes),
      },
    })
      .post('/v1/tickets', body)
      .reply(201, { ticket: { number: 7 } });

    const response = await client().request({ method: 'POST', path: '/tickets', body });

    expect(response).toMatchObject({ status: 201, data: { ticket: { number: 7 } } });
    expect(scope.isDone()).toBe(true);
  });

  it('adds the query parameters it is given and leaves out undefined ones', async () => {
    const scope = nock(GROOVE)
      .get('/v1/tickets')
      .query({ state: 'opened', page: '1', per_page: '50' })
      .reply(200, '{}');

    await client().request({
      method: 'GET',
      path: '/tickets',
      query: { state: 'opened', page: 1, per_page: 50, folder: undefined },
    });

    expect(scope.isDone()).toBe(true);
  });

  it('reaches the sandbox on a loopback base URL with a port', async () => {
    const scope = nock('http://127.0.0.1:4010').get('/v1/agents').reply(200, '{"agents":[]}');
    const sandbox = createGrooveClient(
      { ...credential, api_base_url: 'http://127.0.0.1:4010' },
      { clock: manualClock() },
    );

    await sandbox.request({ method: 'GET', path: '/agents' });

    expect(scope.isDone()).toBe(true);
  });
});

describe('what a response gives back', () => {
  it.each([
    ['an empty 200', 200, ''],
    ['a blank 200', 200, '  \n'],
    ['a 204', 204, ''],
  ])('gives data null for %s (groove-api.md §8)', async (_case, status, body) => {
    nock(GROOVE).get('/v1/tickets/3/assignee').reply(status, body);

    const response = await client().request({ method: 'GET', path: '/tickets/3/assignee' });

    expect(response.data).toBeNull();
  });

  it('gives response header names lower-cased', async () => {
    nock(GROOVE).get('/v1/agents').reply(200, '{}', { 'X-Request-Id': 'abc' });

    const response = await client().request({ method: 'GET', path: '/agents' });

    expect(response.headers['x-request-id']).toBe('abc');
  });
});

describe('only the configured origin', () => {
  it.each([
    ['a protocol-relative URL', '//evil.example/v1/tickets'],
    ['an absolute URL', 'https://evil.example/v1/tickets'],
    [
      "Groove's own next_page URL (groove-api.md §13.14)",
      'https://api.groovehq.dev/v1/tickets?page=2',
    ],
    ['a scheme without slashes', 'http:evil.example'],
    ['a path without a leading slash', 'tickets'],
    ['a backslash', '/\\evil.example/tickets'],
    ['a dot-dot segment', '/../oauth/token'],
    ['an encoded dot-dot segment', '/%2E%2E/oauth/token'],
    ['a query in the path', '/tickets?access_token=x'],
    ['a fragment', '/tickets#top'],
    ['a space', '/customers/a b'],
    ['an empty path', ''],
  ])('refuses %s as a path and sends nothing', async (_case, path) => {
    const groove = nock(GROOVE).intercept(/.*/, 'GET').reply(200, '{}');
    const evil = nock('https://evil.example').intercept(/.*/, 'GET').reply(200, '{}');
    const pinned = client();

    const error = await rejectionOf(pinned.request({ method: 'GET', path }));

    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues[0]).toMatchObject({ field: 'path' });
    expect(groove.isDone()).toBe(false);
    expect(evil.isDone()).toBe(false);
    expect(pinned.stats.requests).toBe(0);
  });

  it.each([301, 302, 303, 307, 308])(
    'does not follow a %i redirect, to another origin or anywhere',
    async (status) => {
      const groove = nock(GROOVE)
        .get('/v1/tickets')
        .reply(status, '', { Location: 'https://evil.example/v1/tickets' });
      const evil = nock('https://evil.example').get(/.*/).reply(200, '{}');

      const error = await rejectionOf(client().request({ method: 'GET', path: '/tickets' }));

      expect(error).toBeInstanceOf(UnexpectedResponseError);
      expect(groove.isDone()).toBe(true);
      expect(evil.isDone()).toBe(false);
    },
  );
});

describe('bad input', () => {
  it('refuses an invalid credential by field name before sending anything', () => {
    const scope = nock(GROOVE).get(/.*/).reply(200, '{}');

    const build = () => createGrooveClient({ ...credential, api_key: '' });

    expect(build).toThrow(InvalidInputError);
    expect(build).toThrow(/API Key Value/);
    expect(scope.isDone()).toBe(false);
  });

  it.each([
    ['requestsPerMinute', -1, 'Requests per minute'],
    ['timeoutMs', 0, 'Request timeout'],
    ['maxRetries', 1.5, 'Maximum retries'],
    ['maxWaitMs', Number.NaN, 'Longest wait'],
  ])('refuses %s = %p naming the option', (option, value, label) => {
    expect(() => createGrooveClient(credential, { [option]: value })).toThrow(label);
  });
});

describe('logging', () => {
  it('logs one debug line per request with method, path without query, status, time and attempt', async () => {
    nock(GROOVE).get('/v1/tickets').query(true).reply(200, '{}');
    const logger = recordingLogger();
    const logged = createGrooveClient(credential, { clock: manualClock(), logger });

    await logged.request({ method: 'GET', path: '/tickets', query: { customer: 'a@b.example' } });

    expect(logger.lines).toEqual([
      {
        level: 'debug',
        message: 'Groove request',
        fields: { method: 'GET', path: '/tickets', status: 200, outcome: 'ok', ms: 0, attempt: 1 },
      },
    ]);
  });

  it('says nothing by default', async () => {
    nock(GROOVE).get('/v1/tickets').reply(500, '').get('/v1/tickets').reply(200, '{}');
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((name) =>
      jest.spyOn(console, name).mockImplementation(() => undefined),
    );

    await createGrooveClient(credential, { clock: manualClock() }).request({
      method: 'GET',
      path: '/tickets',
    });

    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    for (const spy of spies) spy.mockRestore();
  });
});
