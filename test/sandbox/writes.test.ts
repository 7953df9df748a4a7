import { startSandbox, type Sandbox } from '../../src/sandbox';
import { call, getJson, type Page } from './http';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ tickets: 120, seed: 5 });
});

afterAll(async () => {
  await sandbox.close();
});

async function frontTicket(): Promise<Record<string, unknown>> {
  const page = await getJson<Page<'tickets'>>(sandbox, '/v1/tickets?per_page=1');
  return page.tickets[0] ?? {};
}

/** A ticket from the back of the list, so a write visibly moves it. */
function oldTicket(offset = 0): number {
  const numbers = sandbox.data.ticketNumbers();
  return numbers[numbers.length - 1 - offset] ?? 0;
}

describe('sandbox writes', () => {
  it('creates a ticket with 201 and a Location, and lists it first', async () => {
    const answer = await call(sandbox, 'POST', '/v1/tickets', {
      body: {
        body: 'Bonjour 👋\n\nMa commande est en retard.',
        from: { email: 'zoé@example.fr', name: 'Zoé Client' },
        to: 'support@example.com',
        subject: 'Commande en retard',
        tags: ['late', 'café'],
      },
    });
    const created = JSON.parse(answer.text) as { ticket: { number: number; href: string } };
    const front = await frontTicket();

    expect(answer.status).toBe(201);
    expect(answer.headers.location).toBe(`${sandbox.url}/v1/tickets/${created.ticket.number}`);
    expect(created.ticket.href).toBe(answer.headers.location);
    expect(front).toMatchObject({
      number: created.ticket.number,
      title: 'Commande en retard',
      state: 'unread',
      message_count: 1,
      tags: ['late', 'café'],
      customer_name: 'Zoé Client',
    });
  });

  it('answers 422 with every problem when a ticket body is bad, and stores nothing', async () => {
    const before = sandbox.data.counts().tickets;
    const answer = await call(sandbox, 'POST', '/v1/tickets', {
      body: { from: 'not-an-email', state: 'sleeping', tags: 'vip' },
    });

    expect(answer.status).toBe(422);
    expect(JSON.parse(answer.text)).toEqual({
      errors: expect.arrayContaining([
        "body can't be blank",
        'from must be an e-mail address or a customer with an email',
        "to can't be blank",
        'tags must be a list of names',
      ]),
    });
    expect(sandbox.data.counts().tickets).toBe(before);
  });

  it('adds a reply that raises message_count, gives a newer updated_at and moves the ticket first', async () => {
    const number = oldTicket();
    const before = sandbox.data.ticket(number) ?? {};
    const answer = await call(sandbox, 'POST', `/v1/tickets/${number}/messages`, {
      body: { body: 'We are on it.', note: false },
    });
    const message = (JSON.parse(answer.text) as { message: Record<string, unknown> }).message;
    const after = await getJson<{ ticket: Record<string, unknown> }>(
      sandbox,
      `/v1/tickets/${number}`,
    );

    expect(answer.status).toBe(201);
    expect(answer.headers.location).toBe(`${sandbox.url}/v1/messages/${String(message.id)}`);
    expect(message.id).toMatch(/^\d{10}$/);
    expect(after.ticket.message_count).toBe(Number(before.message_count) + 1);
    expect(String(after.ticket.updated_at) > String(before.updated_at)).toBe(true);
    expect((await frontTicket()).number).toBe(number);
    expect(sandbox.data.messageIds(number)[0]).toBe(message.id);
  });

  it.each([
    ['state', { state: 'closed' }, { state: 'closed', closed_by: 'alex.agent@example.com' }],
    ['priority', { priority: 'urgent' }, { priority: 'urgent' }],
    ['assigned_group', { group: 'Billing' }, { assigned_group: 'Billing' }],
    ['assignee', { assignee: 'alex.agent@example.com' }, { assignee: 'alex.agent@example.com' }],
  ])(
    'changes the %s of a ticket with 204, and the ticket shows it first',
    async (field, body, shown) => {
      const number = oldTicket(3);
      const before = sandbox.data.ticket(number) ?? {};
      const answer = await call(sandbox, 'PUT', `/v1/tickets/${number}/${field}`, { body });
      const front = await frontTicket();

      expect(answer.status).toBe(204);
      expect(answer.text).toBe('');
      expect(front).toMatchObject({ number, ...shown });
      expect(String(front.updated_at) > String(before.updated_at)).toBe(true);
    },
  );

  it.each([
    ['state', { state: 'sleeping' }],
    ['priority', { priority: 'whenever' }],
    ['assignee', { assignee: 'nobody@example.com' }],
    ['assigned_group', {}],
  ])('answers 422 to a bad %s change', async (field, body) => {
    const answer = await call(sandbox, 'PUT', `/v1/tickets/1/${field}`, { body });

    expect(answer.status).toBe(422);
    expect(JSON.parse(answer.text)).toHaveProperty('errors');
  });

  it('answers the assignee of an unassigned ticket with an empty 200 body (groove-api.md §3 row 6)', async () => {
    const unassigned = await getJson<Page<'tickets'>>(
      sandbox,
      '/v1/tickets?assignee=unassigned&per_page=1',
    );
    const number = Number(unassigned.tickets[0]?.number);
    const answer = await call(sandbox, 'GET', `/v1/tickets/${number}/assignee`);

    expect(answer.status).toBe(200);
    expect(answer.text).toBe('');
  });

  it('updates a customer addressed by a URL-encoded e-mail, and reads it back by the new one', async () => {
    const customer = sandbox.data.customers().next().value ?? {};
    const email = String(customer.email);
    const answer = await call(sandbox, 'PUT', `/v1/customers/${encodeURIComponent(email)}`, {
      body: { email: 'renamed+vip@example.net', about: 'Ünïcode ✓', custom: { tier: 2 } },
    });
    const reread = await getJson<{ customer: Record<string, unknown> }>(
      sandbox,
      `/v1/customers/${encodeURIComponent('renamed+vip@example.net')}`,
    );

    expect(answer.status).toBe(200);
    expect(reread.customer).toMatchObject({ email: 'renamed+vip@example.net', about: 'Ünïcode ✓' });
    expect(reread.customer.custom).toMatchObject({ tier: 2 });
    expect((await call(sandbox, 'GET', `/v1/customers/${encodeURIComponent(email)}`)).status).toBe(
      404,
    );
  });

  it.each([
    ['GET', '/v1/tickets/999999'],
    ['GET', '/v1/tickets/abc'],
    ['PUT', '/v1/tickets/999999/state'],
    ['GET', '/v1/tickets/999999/messages'],
    ['GET', '/v1/messages/0000000001'],
    ['GET', '/v1/customers/nobody%40example.com'],
    ['GET', '/v1/agents/nobody%40example.com'],
  ])('answers %s %s with 404', async (method, path) => {
    const answer = await call(sandbox, method, path, {
      body: method === 'PUT' ? { state: 'opened' } : undefined,
    });

    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.text)).toHaveProperty('errors');
  });

  it('answers 400 to a body that is not JSON, and 422 to a missing one', async () => {
    const broken = await call(sandbox, 'POST', '/v1/tickets', { rawBody: '{"body": ' });
    const missing = await call(sandbox, 'POST', '/v1/tickets');

    expect(broken.status).toBe(400);
    expect(missing.status).toBe(422);
  });
});
