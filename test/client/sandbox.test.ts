import { createGrooveClient } from '../../src/client/create-client';
import type { ClientOptions } from '../../src/client/types';
import { InvalidRequestError, NotFoundError, OutcomeUnknownError } from '../../src/errors';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { manualClock, rejectionOf } from './fixtures';

// The client against the offline Groove on loopback: real sockets, real 429s, real resets.
let sandbox: Sandbox;
const clock = manualClock();

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 7, tickets: 30, clock: () => clock.now() });
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(() => {
  sandbox.clearLog();
  sandbox.setFaults({});
  sandbox.setRateLimit(0);
  clock.advance(3_600_000);
});

function adminClient(options: ClientOptions = {}) {
  const credential = {
    credential_name: 'Sandbox',
    api_key: sandbox.tokens.admin,
    api_base_url: sandbox.url,
  };
  return createGrooveClient(credential, { clock, random: () => 0.5, ...options });
}

describe('the client against the sandbox', () => {
  it('stays under a 30-a-minute limit at its default pace: no 429 in 45 requests', async () => {
    sandbox.setRateLimit(30);
    const client = adminClient();

    for (let i = 0; i < 45; i += 1) await client.request({ method: 'GET', path: '/mailboxes' });

    expect(sandbox.log.filter((entry) => entry.status === 429)).toEqual([]);
    expect(client.stats).toMatchObject({ requests: 45, rateLimited: 0 });
  });

  it('rides out 429s by waiting what Retry-After says when paced too fast', async () => {
    sandbox.setRateLimit(3);
    const client = adminClient({ requestsPerMinute: 0 });

    for (let i = 0; i < 6; i += 1) await client.request({ method: 'GET', path: '/groups' });

    expect(client.stats.rateLimited).toBeGreaterThan(0);
    expect(sandbox.log.filter((entry) => entry.status === 200)).toHaveLength(6);
  });

  it('does not resend a POST whose connection broke after Groove created the ticket', async () => {
    sandbox.setFaults({ rules: [{ kind: 'reset-after', rate: 1, method: 'POST', times: 1 }] });
    const before = sandbox.data.counts().tickets;
    const agent = sandbox.data.agents()[0]?.['email'];

    const error = await rejectionOf(
      adminClient().request({
        method: 'POST',
        path: '/tickets',
        body: { body: 'Printer on fire', from: agent, to: 'ada@example.com' },
      }),
    );

    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(sandbox.log.filter((entry) => entry.method === 'POST')).toHaveLength(1);
    expect(sandbox.data.counts().tickets).toBe(before + 1);
  });

  it.each([
    ['reset-before', 'GET'],
    ['503', 'GET'],
    ['html-200', 'GET'],
    ['502', 'PUT'],
  ] as const)('repeats a %s on a %s until it succeeds', async (kind, method) => {
    const number = sandbox.data.ticketNumbers()[0];
    sandbox.setFaults({ rules: [{ kind, rate: 1, method, times: 2 }] });
    const client = adminClient();

    const response = await client.request({
      method,
      path: `/tickets/${number}/state`,
      ...(method === 'PUT' ? { body: { state: 'opened' } } : {}),
    });

    expect(response.status).toBeLessThan(300);
    expect(client.stats).toMatchObject({ requests: 3, retries: 2 });
  });

  it("reads the sandbox's validation messages into InvalidRequestError", async () => {
    const error = await rejectionOf(
      adminClient().request({ method: 'POST', path: '/tickets', body: { body: '' } }),
    );

    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).messages).toContain("body can't be blank");
  });

  it('names the missing ticket on 404', async () => {
    const error = await rejectionOf(
      adminClient().request({ method: 'GET', path: '/tickets/999999', subject: 'ticket 999999' }),
    );

    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain('ticket 999999 was not found');
  });

  it('sends the key in the Authorization header only, never in a query', async () => {
    const client = adminClient();

    await client.request({ method: 'GET', path: '/tickets', query: { page: 1, per_page: 50 } });
    await client.request({ method: 'GET', path: '/agents' });

    expect(sandbox.log.map((entry) => entry.auth)).toEqual(['header', 'header']);
  });
});
