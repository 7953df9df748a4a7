import { createGrooveClient } from '../../src/client/create-client';
import type { Credential } from '../../src/credential/validate-credential';
import type { WriteResult } from '../../src/destination/results';
import { write } from '../../src/destination/write';
import { AuthenticationError, PermissionError } from '../../src/errors';
import { startSandbox, type FaultKind, type Sandbox } from '../../src/sandbox';
import { collect, instantClock } from './helpers';

// Writes against the offline Groove with faults injected: every record gets one definite or
// unknown result, and what Groove holds afterwards shows each create once and none twice.

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 11, tickets: 40 });
});

afterEach(() => {
  sandbox.setFaults({});
});

afterAll(async () => {
  await sandbox.close();
});

function credentialFor(token: string): Credential {
  return { credential_name: 'Sandbox', api_key: token, api_base_url: sandbox.url };
}

/** The real client on an instant clock, with a timeout short enough for hanging requests. */
function clientFor(token = sandbox.tokens.admin) {
  return createGrooveClient(credentialFor(token), {
    clock: instantClock(),
    requestsPerMinute: 0,
    maxRetries: 3,
    // Long enough for a busy two-core machine to answer; hangs still end the request quickly.
    timeoutMs: 2000,
    random: () => 0.5,
  });
}

function ticketsTitled(title: string): number[] {
  const numbers: number[] = [];
  for (const ticket of sandbox.data.tickets()) {
    if (ticket['title'] === title) numbers.push(Number(ticket['number']));
  }
  return numbers;
}

function firstCustomerEmail(): string {
  const { value } = sandbox.data.customers().next();
  return String(value?.['email']);
}

describe('writing into the sandbox while it fails', () => {
  it('gives every record one result and creates each ticket at most once', async () => {
    const customer = firstCustomerEmail();
    const mailbox = sandbox.data.mailboxes()[0]?.email ?? '';
    const subjects = Array.from({ length: 30 }, (_, i) => `Sandbox write ${i} — ünïcode ✓ 🔥`);
    const records = subjects.map((subject) => ({
      subject,
      body: `${subject}: body`,
      from: customer,
      to: mailbox,
    }));
    const faults: FaultKind[] = ['500', '503', 'reset-before', 'reset-after', 'hang', 'malformed'];
    sandbox.setFaults({
      rules: faults.map((kind) => ({ kind, rate: 0.08, method: 'POST', path: '/v1/tickets' })),
    });
    sandbox.clearLog();

    const { results, summary, error } = await collect(
      write(credentialFor(sandbox.tokens.admin), { operation: 'create_ticket' }, records, {
        client: clientFor(),
      }),
    );
    sandbox.setFaults({});

    expect(error).toBeUndefined();
    expect(results.map((result) => result.index)).toEqual(subjects.map((_, i) => i));
    expect(results.every((result) => ['created', 'unknown'].includes(result.status))).toBe(true);
    expect(summary?.counts.created).toBeGreaterThan(0);
    expect(summary?.counts.unknown).toBeGreaterThan(0);

    // One POST per record: nothing was sent twice, whatever the sandbox did to it.
    const posts = sandbox.log.filter((entry) => entry.method === 'POST');
    expect(posts).toHaveLength(records.length);

    results.forEach((result, i) => {
      const found = ticketsTitled(subjects[i] ?? '');
      const fault = posts[i]?.fault ?? null;
      if (result.status === 'created') {
        expect(found).toEqual([result.ticket_number]);
        expect(fault).toBeNull();
      } else {
        // The log tells what became of an unknown create: processed faults stored it once.
        const processed = fault === 'reset-after' || fault === 'malformed';
        expect(fault).not.toBeNull();
        expect(found).toHaveLength(processed ? 1 : 0);
      }
    });
  });

  it('applies updates, retrying them through server errors and resets', async () => {
    const numbers = sandbox.data.ticketNumbers().slice(0, 12);
    const records = numbers.map((number) => ({ ticket_number: number, priority: 'urgent' }));
    sandbox.setFaults({
      rules: [
        { kind: '503', rate: 0.2, method: 'PUT' },
        { kind: 'reset-after', rate: 0.1, method: 'PUT' },
      ],
    });

    const { results } = await collect(
      write(credentialFor(sandbox.tokens.admin), { operation: 'update_ticket_priority' }, records, {
        client: clientFor(),
      }),
    );
    sandbox.setFaults({});

    expect(results).toHaveLength(numbers.length);
    // Some attempts were faulted and repeated, so there were more PUTs than records.
    const puts = sandbox.log.filter((entry) => entry.method === 'PUT');
    expect(puts.some((entry) => entry.fault !== null)).toBe(true);
    expect(puts.length).toBeGreaterThan(records.length);
    for (const result of results) {
      if (result.status === 'failed') {
        // Only when every attempt failed; such a record may be sent again as it is.
        expect(result.error).toMatchObject({ retryable: true });
        continue;
      }
      expect(result.status).toBe('updated');
      const number = (result as Extract<WriteResult, { status: 'updated' }>).ticket_number ?? 0;
      expect(sandbox.data.ticket(number)?.['priority']).toBe('urgent');
    }
    expect(results.filter((result) => result.status === 'updated').length).toBeGreaterThan(0);
  });
});

describe('writing into the sandbox', () => {
  it('stores text, emoji and nested customer fields as sent', async () => {
    const subject = 'Größe 🔥 火事です — “quotes” \u00e9';
    const record = {
      subject,
      body: 'Zoë writes: ¿dónde está mi pedido? 📦',
      from: {
        email: 'zoë.ünal+test@bücher.example',
        name: 'Zoë Ünal',
        company_name: 'Bücher GmbH',
      },
      to: sandbox.data.mailboxes()[0]?.email ?? '',
    };

    const { results } = await collect(
      write(credentialFor(sandbox.tokens.admin), { operation: 'create_ticket' }, [record], {
        client: clientFor(),
      }),
    );

    const number = (results[0] as Extract<WriteResult, { status: 'created' }>).ticket_number;
    expect(sandbox.data.ticket(number)?.['title']).toBe(subject);
    expect(sandbox.data.messages(number)[0]?.['plain_text_body']).toContain(
      'Zoë writes: ¿dónde está mi pedido? 📦',
    );
    expect(sandbox.data.customer('zoë.ünal+test@bücher.example')).toMatchObject({
      name: 'Zoë Ünal',
      company_name: 'Bücher GmbH',
    });
  });

  it('adds a private note whose id is the one Groove lists', async () => {
    const number = sandbox.data.ticketNumbers()[0] ?? 1;
    const author = String(sandbox.data.agents()[0]?.['email']);

    const { results } = await collect(
      write(
        credentialFor(sandbox.tokens.admin),
        { operation: 'create_message' },
        [{ ticket_number: number, body: 'Internal: refund approved ✅', note: true, author }],
        { client: clientFor() },
      ),
    );

    const created = results[0] as Extract<WriteResult, { status: 'created' }>;
    expect(created.status).toBe('created');
    expect(sandbox.data.messageIds(number)[0]).toBe(created.message_id);
    expect(sandbox.data.messages(number)[0]).toMatchObject({ note: true });
  });

  it('updates a customer found by an email that needs encoding', async () => {
    const email = firstCustomerEmail();

    const { results } = await collect(
      write(
        credentialFor(sandbox.tokens.admin),
        { operation: 'update_customer' },
        [{ email, about: 'Prefers email 📧', custom: { plan: 'gold', seats: 5 } }],
        { client: clientFor() },
      ),
    );

    expect(results[0]).toMatchObject({ status: 'updated', customer_email: email });
    expect(sandbox.data.customer(email)).toMatchObject({
      about: 'Prefers email 📧',
      custom: expect.objectContaining({ plan: 'gold', seats: 5 }),
    });
  });

  it('sends nothing in a dry run', async () => {
    const before = sandbox.requestCount;
    const records = sandbox.data
      .ticketNumbers()
      .slice(0, 5)
      .map((number) => ({ ticket_number: number, state: 'closed' }));

    const { summary } = await collect(
      write(credentialFor(sandbox.tokens.admin), { operation: 'update_ticket_state' }, records, {
        dryRun: true,
      }),
    );

    expect(summary?.counts.dry_run).toBe(5);
    expect(sandbox.requestCount).toBe(before);
  });

  it.each([
    ['an expired key', 'expired', AuthenticationError],
    ['a revoked key', 'revoked', AuthenticationError],
    ['a non-admin key', 'agent', PermissionError],
  ] as const)('stops after the first record with %s', async (_case, kind, type) => {
    const token = sandbox.tokens[kind];
    const records = [1, 2, 3].map((n) => ({ email: `customer${n}@example.net`, name: 'X' }));
    const before = sandbox.requestCount;

    const { results, summary, error } = await collect(
      write(credentialFor(token), { operation: 'update_customer' }, records, {
        client: clientFor(token),
      }),
    );

    expect(results).toHaveLength(1);
    expect(summary?.stopped?.index).toBe(0);
    expect(error).toBeInstanceOf(type);
    expect(sandbox.requestCount - before).toBe(1);
  });
});
