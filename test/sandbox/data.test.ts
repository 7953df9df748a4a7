import { startSandbox, type Sandbox } from '../../src/sandbox';
import { call, getJson, type Page } from './http';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ tickets: 600, seed: 42 });
});

afterAll(async () => {
  await sandbox.close();
});

/** The data without the origin, which differs between two sandboxes. */
function portless(sandboxUnderTest: Sandbox, value: unknown): string {
  return JSON.stringify(value).split(sandboxUnderTest.url).join('ORIGIN');
}

describe('sandbox data', () => {
  it('is the same for the same seed and different for another seed', async () => {
    const twin = await startSandbox({ tickets: 600, seed: 42 });
    const other = await startSandbox({ tickets: 600, seed: 43 });
    const sample = (s: Sandbox): string =>
      portless(s, [
        s.data.ticket(1),
        s.data.ticket(250),
        s.data.messages(7),
        [...s.data.customers()].slice(0, 5),
      ]);

    expect(sample(twin)).toBe(sample(sandbox));
    expect(sample(other)).not.toBe(sample(sandbox));
    expect(twin.data.ticketNumbers()).toEqual(sandbox.data.ticketNumbers());
    await Promise.all([twin.close(), other.close()]);
  });

  it('serves exactly what Sandbox.data describes', async () => {
    const served = await getJson<{ ticket: unknown }>(sandbox, '/v1/tickets/250');
    const messages = await getJson<Page<'messages'>>(
      sandbox,
      '/v1/tickets/250/messages?per_page=50',
    );

    expect(served.ticket).toEqual(sandbox.data.ticket(250));
    expect(messages.messages).toEqual(sandbox.data.messages(250).slice(0, 50));
  });

  it('has every ticket state, tickets without messages and tickets with more than 100', () => {
    const tickets = [...sandbox.data.tickets()];
    const states = new Set(tickets.map((ticket) => ticket.state));
    const counts = tickets.map((ticket) => Number(ticket.message_count));

    expect(states).toEqual(new Set(['unread', 'opened', 'pending', 'closed', 'spam']));
    expect(counts.filter((count) => count === 0).length).toBeGreaterThan(0);
    expect(counts.filter((count) => count > 100).length).toBeGreaterThan(0);
    expect(sandbox.data.counts().ticketsWithoutMessages).toBe(counts.filter((c) => c === 0).length);
  });

  it('carries non-ASCII text, emoji, HTML with a plain-text twin, nulls and tags', () => {
    const text = JSON.stringify([...sandbox.data.tickets()].slice(0, 200));
    const message = sandbox.data.messages(7)[0] ?? {};

    expect(text).toMatch(/[\u00c0-\u9fff]/);
    expect(text).toMatch(/\p{Extended_Pictographic}/u);
    expect(String(message.body)).toMatch(/^<p>/);
    expect(String(message.plain_text_body)).not.toMatch(/<p>/);
    expect(text).toContain('"priority":null');
    expect(text).toMatch(/"tags":\["/);
  });

  it('cuts ticket summaries between characters, never inside an emoji', () => {
    const summaries = [...sandbox.data.tickets()].map((ticket) => String(ticket['summary'] ?? ''));
    const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

    expect(summaries.filter((summary) => loneSurrogate.test(summary))).toEqual([]);
  });

  it('gives customers custom fields of mixed types', () => {
    const kinds = new Set<string>();
    for (const customer of sandbox.data.customers()) {
      for (const value of Object.values(customer.custom as Record<string, unknown>)) {
        kinds.add(value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
      }
    }

    expect(kinds).toEqual(new Set(['string', 'number', 'boolean', 'null', 'array', 'object']));
  });

  it('writes dates as ISO-8601 UTC seconds and ids as 10-digit strings', () => {
    const ticket = sandbox.data.ticket(3) ?? {};
    const customer = sandbox.data.customers().next().value ?? {};

    expect(ticket.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(customer.id).toMatch(/^\d{10}$/);
    expect(sandbox.data.messageIds(3).every((id) => /^\d{10}$/.test(id))).toBe(true);
  });

  it.each([
    ['state=pending', (t: Record<string, unknown>) => t.state === 'pending'],
    ['assignee=unassigned', (t: Record<string, unknown>) => t.assignee === null],
    [
      'assignee=alex.agent%40example.com',
      (t: Record<string, unknown>) => t.assignee === 'alex.agent@example.com',
    ],
  ])('filters tickets by %s', async (filter, holds) => {
    const page = await getJson<Page<'tickets'>>(sandbox, `/v1/tickets?${filter}&per_page=50`);
    const expected = [...sandbox.data.tickets()].filter(holds);

    expect(page.meta.pagination.total_count).toBe(expected.length);
    expect(page.tickets.map((t) => t.number)).toEqual(expected.slice(0, 50).map((t) => t.number));
  });

  it('filters tickets by customer e-mail or id, and by folder', async () => {
    const customer = sandbox.data.customers().next().value ?? {};
    const byEmail = await getJson<Page<'tickets'>>(
      sandbox,
      `/v1/tickets?customer=${encodeURIComponent(String(customer.email))}`,
    );
    const byId = await getJson<Page<'tickets'>>(
      sandbox,
      `/v1/tickets?customer=${String(customer.id)}`,
    );
    const closed = sandbox.data.folders().find((folder) => folder.name === 'Closed');
    const inFolder = await getJson<Page<'tickets'>>(sandbox, `/v1/tickets?folder=${closed?.id}`);
    const counts = await getJson<Record<string, number>>(sandbox, '/v1/tickets/count');

    expect(byEmail.meta.pagination.total_count).toBeGreaterThan(0);
    expect(byId.meta.pagination.total_count).toBe(byEmail.meta.pagination.total_count);
    expect(byEmail.tickets.every((t) => t.customer_name === customer.name)).toBe(true);
    expect(inFolder.tickets.every((t) => t.state === 'closed')).toBe(true);
    expect(counts[String(closed?.id)]).toBe(inFolder.meta.pagination.total_count);
    expect(counts).toEqual(sandbox.data.ticketCounts());
  });

  it('lists the attachments of a message by ?message=', async () => {
    const withFiles = sandbox.data
      .messages(7)
      .find((m) => (sandbox.data.attachments(String(m.id)) ?? []).length > 0);
    const answer = await getJson<{ attachments: unknown[] }>(
      sandbox,
      `/v1/attachments?message=${String(withFiles?.id)}`,
    );

    expect(answer.attachments).toEqual(sandbox.data.attachments(String(withFiles?.id)));
    expect(answer.attachments[0]).toEqual({
      filename: expect.any(String),
      size: expect.any(Number),
      url: expect.any(String),
    });
  });

  it('serves 100,000 tickets without generating them up front', async () => {
    const large = await startSandbox({ tickets: 100_000, seed: 9 });
    const last = await call(large, 'GET', '/v1/tickets?per_page=50&page=2000');
    const page = JSON.parse(last.text) as Page<'tickets'>;
    await large.close();

    expect(page.tickets).toHaveLength(50);
    expect(page.meta.pagination).toMatchObject({
      total_count: 100_000,
      total_pages: 2000,
      next_page: null,
    });
    expect(large.data.minimumRequests(50).tickets).toBe(2000);
  });
});
