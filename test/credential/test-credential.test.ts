import nock from 'nock';
import { inspect } from 'node:util';
import { testCredential } from '../../src/credential/test-credential';
import {
  API_KEY,
  credential,
  GROOVE,
  manualClock,
  recordingLogger,
  SHORT_TIMEOUT_MS,
  SLOW_REPLY_MS,
  socketError,
} from '../client/fixtures';

const TODAY = Date.UTC(2026, 11, 3, 15, 30);

function withCreatedOn(createdOn: string) {
  return { ...credential, api_key_created_on: createdOn };
}

describe('testCredential', () => {
  it('says ok and what it saw after one GET /v1/mailboxes', async () => {
    const scope = nock(GROOVE, { reqheaders: { authorization: `Bearer ${API_KEY}` } })
      .get('/v1/mailboxes')
      .reply(200, {
        mailboxes: [
          { id: 1, name: 'Inbox', email: 'support@example.com' },
          { id: 2, name: 'Ventes — Europe', email: 'sales@example.com' },
        ],
      });

    const result = await testCredential(credential, { clock: manualClock(TODAY) });

    expect(result).toEqual({
      ok: true,
      status: 'ok',
      message: 'Groove accepted the API key: it can read 2 mailboxes.',
      saw: { mailboxes: 2, names: ['Inbox', 'Ventes — Europe'] },
      warnings: [],
    });
    expect(scope.isDone()).toBe(true);
  });

  it('returns the field issues of an invalid credential and sends nothing', async () => {
    const scope = nock(GROOVE).get(/.*/).reply(200, '{}');

    const result = await testCredential({ credential_name: 'Desk', api_key: '••••••••' });

    expect(result).toMatchObject({ ok: false, status: 'invalid_credential', warnings: [] });
    expect(result.issues).toEqual([
      expect.objectContaining({ field: 'api_key', label: 'API Key Value' }),
    ]);
    expect(result.message).toContain('API Key Value');
    expect(scope.isDone()).toBe(false);
  });

  it.each([
    [
      'authentication_failed',
      (s: nock.Interceptor) => s.reply(401, ''),
      /wrong, expired or revoked.*Settings > Developer > API/,
    ],
    ['permission_denied', (s: nock.Interceptor) => s.reply(403, ''), /admin/],
    [
      'rate_limited',
      (s: nock.Interceptor) => s.reply(429, '', { 'Retry-After': '30' }),
      /rate limiting/,
    ],
    ['server_error', (s: nock.Interceptor) => s.reply(503, ''), /HTTP 503/],
    [
      'network_error',
      (s: nock.Interceptor) => s.replyWithError(socketError('ECONNREFUSED')),
      /ECONNREFUSED.*API Base URL/,
    ],
    [
      'network_error',
      (s: nock.Interceptor) => s.replyWithError(socketError('ENOTFOUND')),
      /ENOTFOUND/,
    ],
    ['timeout', (s: nock.Interceptor) => s.delay(SLOW_REPLY_MS).reply(200, '{}'), /did not answer/],
    [
      'unexpected_response',
      (s: nock.Interceptor) => s.reply(200, '<html>Login</html>'),
      /not JSON/,
    ],
  ] as const)(
    'reports %s with a message a person can act on, after exactly one request',
    async (status, answer, message) => {
      const scope = answer(nock(GROOVE).get('/v1/mailboxes'));
      nock(GROOVE).get('/v1/mailboxes').reply(200, '{}');

      const result = await testCredential(credential, {
        clock: manualClock(TODAY),
        timeoutMs: SHORT_TIMEOUT_MS,
      });

      expect(result).toMatchObject({ ok: false, status, warnings: [] });
      expect(result.message).toMatch(message);
      expect(scope.isDone()).toBe(true);
      expect(nock.pendingMocks()).toHaveLength(1);
    },
  );

  it('reports cancelled when the signal fires', async () => {
    nock(GROOVE).get('/v1/mailboxes').delay(SLOW_REPLY_MS).reply(200, '{}');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 10);

    const result = await testCredential(credential, { signal: controller.signal });

    expect(result).toMatchObject({ ok: false, status: 'cancelled' });
  });

  it('leaves the key out of its result and logs, whatever fails', async () => {
    nock(GROOVE)
      .get('/v1/mailboxes')
      .reply(401, { error: `bad token ${API_KEY}` });
    const logger = recordingLogger();

    const result = await testCredential(credential, { logger });

    expect(JSON.stringify(result)).not.toContain(API_KEY);
    expect(inspect(result, { depth: null })).not.toContain(API_KEY);
    expect(JSON.stringify(logger.lines)).not.toContain(API_KEY);
  });
});

describe('testCredential: key expiry (one year after creation, groove-api.md §2)', () => {
  it.each([
    [
      '2025-12-04',
      'The API key expires on 2026-12-04 (in 1 day); generate a new key under Settings > Developer > API and update the credential before then.',
    ],
    [
      '2026-01-02',
      'The API key expires on 2027-01-02 (in 30 days); generate a new key under Settings > Developer > API and update the credential before then.',
    ],
    [
      '2025-12-03',
      'The API key expires on 2026-12-03 (today); generate a new key under Settings > Developer > API and update the credential before then.',
    ],
    [
      '2025-11-20',
      'The API key expired on 2026-11-20, one year after it was created; generate a new key under Settings > Developer > API and update the credential.',
    ],
    [
      '2027-01-10',
      'API Key Created On (2027-01-10) is in the future; correct it so the expiry warning comes on time.',
    ],
  ])('warns for a key created on %s', async (createdOn, warning) => {
    nock(GROOVE).get('/v1/mailboxes').reply(200, { mailboxes: [] });

    const result = await testCredential(withCreatedOn(createdOn), { clock: manualClock(TODAY) });

    expect(result).toMatchObject({ ok: true, warnings: [warning] });
  });

  it.each([['2026-01-03'], ['2026-12-01']])(
    'does not warn for a key created on %s',
    async (createdOn) => {
      nock(GROOVE).get('/v1/mailboxes').reply(200, { mailboxes: [] });

      const result = await testCredential(withCreatedOn(createdOn), { clock: manualClock(TODAY) });

      expect(result.warnings).toEqual([]);
    },
  );

  it('says the key expired, with the date, when Groove rejects a key past its year', async () => {
    nock(GROOVE).get('/v1/mailboxes').reply(401, '');

    const result = await testCredential(withCreatedOn('2025-10-01'), { clock: manualClock(TODAY) });

    expect(result).toMatchObject({ ok: false, status: 'authentication_failed' });
    expect(result.message).toBe(
      'Groove rejected the API key: it expired on 2026-10-01, one year after it was created; generate a new key under Settings > Developer > API and update the credential.',
    );
  });

  it('counts a key made on 29 February as expiring on 1 March', async () => {
    nock(GROOVE).get('/v1/mailboxes').reply(200, { mailboxes: [] });

    const result = await testCredential(withCreatedOn('2024-02-29'), {
      clock: manualClock(Date.UTC(2025, 1, 20)),
    });

    expect(result.warnings).toEqual([expect.stringContaining('expires on 2025-03-01 (in 9 days)')]);
  });
});
