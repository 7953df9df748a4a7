import nock from 'nock';
import { DEFAULT_REQUESTS_PER_MINUTE } from '../../src/client/client-options';
import { createGrooveClient } from '../../src/client/create-client';
import { Pacer } from '../../src/client/pacer';
import { retryAfterMs, waitAskedMs } from '../../src/client/rate-limit-headers';
import { credential, GROOVE, manualClock } from './fixtures';

describe('Pacer', () => {
  it('spaces request starts evenly under the ceiling: 30 a minute is one every 2 s, plus 2 %', () => {
    const clock = manualClock();
    const pacer = new Pacer(30, clock);

    const waits = [0, 1, 2].map(() => pacer.reserve(60_000).waitMs);

    expect(waits).toEqual([0, 2040, 4080]);
  });

  it('keeps request k and request k + R more than a minute apart, so jitter cannot trip a per-minute window', () => {
    const clock = manualClock();
    const pacer = new Pacer(120, clock);

    const starts = Array.from({ length: 121 }, () => pacer.reserve(120_000).waitMs);

    expect(starts[120]! - starts[0]!).toBeGreaterThan(61_000);
  });

  it('lets requests through at once with a ceiling of 0', () => {
    const pacer = new Pacer(0, manualClock());

    expect([0, 1, 2].map(() => pacer.reserve(60_000).waitMs)).toEqual([0, 0, 0]);
  });

  it('does not make up for idle time: a slot passed long ago is not a debt', () => {
    const clock = manualClock();
    const pacer = new Pacer(30, clock);
    pacer.reserve(60_000);
    clock.advance(60_000);

    expect(pacer.reserve(60_000).waitMs).toBe(0);
  });

  it('slows down after a 429 and eases back after successes', () => {
    const pacer = new Pacer(30, manualClock());

    pacer.observe(429, {});
    const slowed = pacer.interval();
    pacer.observe(429, {});
    const slower = pacer.interval();
    for (let i = 0; i < 20; i += 1) pacer.observe(200, {});

    expect([slowed, slower, pacer.interval()]).toEqual([4080, 8160, 2040]);
  });

  it('waits out a Retry-After without also slowing down, which would waste the next window', () => {
    const pacer = new Pacer(30, manualClock());

    pacer.observe(429, { 'retry-after': '10' });

    expect(pacer.interval()).toBe(2040);
  });

  it('spaces requests even without a ceiling once Groove has answered 429', () => {
    const pacer = new Pacer(0, manualClock());

    pacer.observe(429, {});

    expect(pacer.interval()).toBe(2000);
  });

  it('blocks every request until the Retry-After of a 429 has passed', () => {
    const clock = manualClock();
    const pacer = new Pacer(0, clock);

    pacer.observe(429, { 'retry-after': '45' });

    expect(pacer.reserve(60_000)).toEqual({ reserved: true, waitMs: 45_000 });
  });

  it('reserves nothing when the wait would pass the cap', () => {
    const clock = manualClock();
    const pacer = new Pacer(0, clock);
    pacer.observe(429, { 'retry-after': '600' });

    expect(pacer.reserve(120_000)).toEqual({ reserved: false, waitMs: 600_000 });
    clock.advance(600_000);
    expect(pacer.reserve(120_000)).toEqual({ reserved: true, waitMs: 0 });
  });

  it('spreads what is left of an X-RateLimit budget until its reset', () => {
    const pacer = new Pacer(0, manualClock());

    pacer.observe(200, { 'x-ratelimit-remaining': '5', 'x-ratelimit-reset': '10' });

    expect(pacer.interval()).toBe(2000);
  });

  it('waits for the reset when the X-RateLimit budget is spent, reading epoch seconds too', () => {
    const clock = manualClock();
    const pacer = new Pacer(0, clock);
    const resetAt = Math.floor(clock.now() / 1000) + 90;

    pacer.observe(200, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(resetAt) });

    expect(pacer.reserve(120_000).waitMs).toBe(resetAt * 1000 - clock.now());
  });
});

describe('pacing through the client', () => {
  it('paces at 30 requests a minute by default (groove-api.md §9)', async () => {
    const scope = nock(GROOVE).get('/v1/mailboxes').times(3).reply(200, '{"mailboxes":[]}');
    const clock = manualClock();
    const client = createGrooveClient(credential, { clock });

    for (let i = 0; i < 3; i += 1) await client.request({ method: 'GET', path: '/mailboxes' });

    expect(DEFAULT_REQUESTS_PER_MINUTE).toBe(30);
    expect(clock.sleeps).toEqual([2040, 2040]);
    expect(client.stats).toMatchObject({ requests: 3, waitedMs: 4080 });
    expect(scope.isDone()).toBe(true);
  });

  it('follows the configured ceiling', async () => {
    nock(GROOVE).get('/v1/mailboxes').times(2).reply(200, '{}');
    const clock = manualClock();
    const client = createGrooveClient(credential, { clock, requestsPerMinute: 120 });

    await client.request({ method: 'GET', path: '/mailboxes' });
    await client.request({ method: 'GET', path: '/mailboxes' });

    expect(clock.sleeps).toEqual([510]);
  });
});

describe('reading the wait Groove asks for', () => {
  const now = Date.UTC(2026, 11, 3, 12, 0, 0);

  it.each([
    ['whole seconds', '120', 120_000],
    ['fractional seconds', '1.5', 1500],
    ['zero', '0', 0],
    ['an HTTP date', new Date(now + 90_000).toUTCString(), 90_000],
    ['an HTTP date in the past', new Date(now - 5_000).toUTCString(), 0],
    ['garbage', 'soon', undefined],
    ['a negative number', '-5', undefined],
  ])('reads Retry-After given as %s', (_case, value, expected) => {
    expect(retryAfterMs(value, now)).toBe(expected);
  });

  it('prefers Retry-After over the X-RateLimit headers', () => {
    const headers = { 'retry-after': '3', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '60' };

    expect(waitAskedMs(headers, now)).toBe(3000);
  });

  it('asks for no wait while the X-RateLimit budget is not spent', () => {
    expect(waitAskedMs({ 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': '60' }, now)).toBe(
      undefined,
    );
  });
});
