import { startSandbox, type Sandbox } from '../../src/sandbox';
import { call } from './http';

let now = Date.UTC(2026, 0, 1, 12, 0, 0);
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({
    tickets: 20,
    rateLimitPerMinute: 3,
    rateLimitHeaders: true,
    clock: () => now,
  });
});

afterAll(async () => {
  await sandbox.close();
});

describe('sandbox rate limit', () => {
  it('answers 429 with Retry-After in seconds once a token spends its requests for the minute', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      statuses.push((await call(sandbox, 'GET', '/v1/mailboxes')).status);
    }
    now += 20_000;
    const limited = await call(sandbox, 'GET', '/v1/mailboxes');

    expect(statuses).toEqual([200, 200, 200]);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('40');
    expect(JSON.parse(limited.text)).toHaveProperty('errors');
  });

  it('sends X-RateLimit-Limit, Remaining and Reset when asked to', async () => {
    const answer = await call(sandbox, 'GET', '/v1/mailboxes');

    expect(answer.headers['x-ratelimit-limit']).toBe('3');
    expect(answer.headers['x-ratelimit-remaining']).toBe('0');
    expect(Number(answer.headers['x-ratelimit-reset'])).toBeGreaterThan(now / 1000);
  });

  it('counts each token on its own', async () => {
    const answer = await call(sandbox, 'GET', '/v1/tickets', { token: sandbox.tokens.agent });

    expect(answer.status).toBe(200);
  });

  it('lets requests through again when the minute is over', async () => {
    now += 60_000;
    const answer = await call(sandbox, 'GET', '/v1/mailboxes');

    expect(answer.status).toBe(200);
    expect(answer.headers['x-ratelimit-remaining']).toBe('2');
  });

  it('can be turned off and on at run time', async () => {
    sandbox.setRateLimit(0);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      statuses.push((await call(sandbox, 'GET', '/v1/mailboxes')).status);
    }
    sandbox.setRateLimit(1);
    const first = await call(sandbox, 'GET', '/v1/mailboxes');
    const second = await call(sandbox, 'GET', '/v1/mailboxes');

    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect([first.status, second.status]).toEqual([200, 429]);
    expect(second.headers['retry-after']).toBe('60');
  });

  it('has no limit unless one is set', async () => {
    const unlimited = await startSandbox({ tickets: 5 });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 40; attempt++) {
      statuses.push((await call(unlimited, 'GET', '/v1/mailboxes')).status);
    }
    await unlimited.close();

    expect(new Set(statuses)).toEqual(new Set([200]));
  });
});
