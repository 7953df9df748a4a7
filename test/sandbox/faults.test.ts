import { parseFaultSpec, startSandbox, type Sandbox } from '../../src/sandbox';
import { FaultInjector } from '../../src/sandbox/faults';
import { call, getJson, type Page } from './http';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ tickets: 200, seed: 3 });
});

afterEach(() => {
  sandbox.setFaults({});
});

afterAll(async () => {
  await sandbox.close();
});

/** The outcome of one request as a client sees it: a status, or the socket error. */
async function outcome(path: string, method = 'GET', body?: unknown): Promise<string> {
  try {
    const answer = await call(sandbox, method, path, { body, timeoutMs: 2000 });
    return String(answer.status);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  }
}

describe('sandbox faults', () => {
  it.each([
    ['500', 500],
    ['502', 502],
    ['503', 503],
  ] as const)(
    'answers %s with a JSON error body and does not process the request',
    async (kind, status) => {
      sandbox.setFaults({ rules: [{ kind, rate: 1, times: 1 }] });
      const faulted = await call(sandbox, 'GET', '/v1/mailboxes');
      const after = await call(sandbox, 'GET', '/v1/mailboxes');

      expect(faulted.status).toBe(status);
      expect(JSON.parse(faulted.text)).toHaveProperty('errors');
      expect(after.status).toBe(200);
      expect(sandbox.log.at(-2)).toMatchObject({ fault: kind, status });
    },
  );

  it('resets the connection before processing: a create is not stored', async () => {
    const before = sandbox.data.counts().tickets;
    sandbox.setFaults({ rules: [{ kind: 'reset-before', rate: 1, method: 'POST' }] });
    const seen = await outcome('/v1/tickets', 'POST', newTicket('before'));

    expect(seen).toMatch(/ECONNRESET|socket hang up/);
    expect(sandbox.data.counts().tickets).toBe(before);
    expect(sandbox.log.at(-1)).toMatchObject({ fault: 'reset-before', status: null });
  });

  it('resets the connection after processing: the client sees a reset but the ticket was created', async () => {
    const before = sandbox.data.counts().tickets;
    sandbox.setFaults({
      rules: [{ kind: 'reset-after', rate: 1, method: 'POST', path: '/v1/tickets' }],
    });
    const seen = await outcome('/v1/tickets', 'POST', newTicket('after'));

    expect(seen).toMatch(/ECONNRESET|socket hang up/);
    expect(sandbox.data.counts().tickets).toBe(before + 1);
    expect(sandbox.data.ticket(before + 1)?.title).toBe('Reset after');
  });

  it('never answers a hanging request; the client gives up and close() still ends it', async () => {
    const hanging = await startSandbox({
      tickets: 5,
      faults: { rules: [{ kind: 'hang', rate: 1 }] },
    });
    const waiting = call(hanging, 'GET', '/v1/mailboxes').then(
      () => 'answered',
      (error: NodeJS.ErrnoException) => error.code ?? error.message,
    );
    const gaveUp = call(hanging, 'GET', '/v1/mailboxes', { timeoutMs: 200 }).catch(
      (error: Error) => error.message,
    );

    expect(await gaveUp).toBe('client timeout');
    await hanging.close();
    expect(await waiting).toMatch(/ECONNRESET|socket hang up/);
  });

  it('sends a truncated JSON body for malformed, after processing', async () => {
    sandbox.setFaults({ rules: [{ kind: 'malformed', rate: 1, times: 1 }] });
    const answer = await call(sandbox, 'GET', '/v1/tickets/5');

    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toContain('application/json');
    expect(() => JSON.parse(answer.text)).toThrow(SyntaxError);
  });

  it.each([
    ['html', 502],
    ['html-200', 200],
  ] as const)('sends an HTML page for %s with status %i', async (kind, status) => {
    sandbox.setFaults({ rules: [{ kind, rate: 1, times: 1 }] });
    const answer = await call(sandbox, 'GET', '/v1/tickets');

    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).toContain('text/html');
    expect(answer.text).toMatch(/^<!DOCTYPE html>/);
  });

  it('moves a ticket to the front while a client pages (shuffle), so pages shift', async () => {
    const countsBefore = new Map(
      [...sandbox.data.tickets()].map((t) => [t.number, t.message_count]),
    );
    const firstPage = await getJson<Page<'tickets'>>(sandbox, '/v1/tickets?per_page=50');
    sandbox.setFaults({ rules: [{ kind: 'shuffle', rate: 1, times: 1 }] });
    const secondPage = await getJson<Page<'tickets'>>(sandbox, '/v1/tickets?per_page=50&page=2');
    sandbox.setFaults({});
    const freshFirst = await getJson<Page<'tickets'>>(sandbox, '/v1/tickets?per_page=50');

    const moved = freshFirst.tickets[0] ?? {};
    expect(sandbox.log.at(-2)).toMatchObject({ fault: 'shuffle', status: 200 });
    expect(moved.message_count).toBe(Number(countsBefore.get(Number(moved.number))) + 1);
    expect(moved.last_message_type).toBe('enduser');
    expect(String(moved.updated_at) >= String(firstPage.tickets[0]?.updated_at)).toBe(true);
    expect(secondPage.meta.pagination.total_count).toBe(firstPage.meta.pagination.total_count);
  });

  it('targets a method and path, and stops after the given number of faults', async () => {
    sandbox.setFaults(parseFaultSpec('503:1x2@GET/v1/customers'));
    const seen = [
      await outcome('/v1/mailboxes'),
      await outcome('/v1/customers'),
      await outcome('/v1/customers?page=2'),
      await outcome('/v1/customers'),
    ];

    expect(seen).toEqual(['200', '503', '503', '200']);
  });

  it('reproduces the same fault sequence for the same seed, and another for another seed', async () => {
    const run = async (seed: number): Promise<string> => {
      const faulty = await startSandbox({
        tickets: 5,
        seed,
        faults: parseFaultSpec('500:0.3,503:0.2'),
      });
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 30; attempt++) {
        statuses.push((await call(faulty, 'GET', '/v1/mailboxes')).status);
      }
      await faulty.close();
      return statuses.join(',');
    };
    const first = await run(11);

    expect(await run(11)).toBe(first);
    expect(await run(12)).not.toBe(first);
    expect(first).toMatch(/500/);
    expect(first).toMatch(/503/);
  });
});

function newTicket(which: string): Record<string, unknown> {
  return {
    body: 'Hello',
    from: 'new.person@example.org',
    to: 'support@example.com',
    subject: `Reset ${which}`,
  };
}

describe('the --faults text', () => {
  it('reads kinds, rates, counts, selectors and latency', () => {
    expect(
      parseFaultSpec('500:0.1,reset-after:1x2@POST/v1/tickets$,latency:50-200,shuffle:0.1'),
    ).toEqual({
      latencyMs: { min: 50, max: 200 },
      rules: [
        { kind: '500', rate: 0.1 },
        { kind: 'reset-after', rate: 1, times: 2, method: 'POST', path: /^\/v1\/tickets$/ },
        { kind: 'shuffle', rate: 0.1 },
      ],
    });
  });

  it.each([
    ['boom:0.1', /not a fault kind/],
    ['500:2', /between 0 and 1/],
    ['500', /KIND:RATE/],
    ['latency:fast', /latency/],
    ['latency:200-50', /low to high/],
  ])('rejects %s with a message that says what is wrong', (text, message) => {
    expect(() => parseFaultSpec(text)).toThrow(message);
  });
});

describe('sandbox latency', () => {
  const delays = (seed: number, latency: { min: number; max: number }): number[] => {
    const injector = new FaultInjector(seed, latency, { latencyMs: 7 });
    return Array.from({ length: 20 }, () => injector.decide('GET', '/v1/tickets').delayMs);
  };

  it('adds a fixed delay plus a jitter drawn from the seed, within the range asked for', () => {
    const drawn = delays(1, { min: 10, max: 90 });

    expect(drawn.every((delay) => delay >= 17 && delay <= 97)).toBe(true);
    expect(new Set(drawn).size).toBeGreaterThan(5);
    expect(delays(1, { min: 10, max: 90 })).toEqual(drawn);
    expect(delays(2, { min: 10, max: 90 })).not.toEqual(drawn);
  });
});
