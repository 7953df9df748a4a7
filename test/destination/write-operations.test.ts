import nock from 'nock';
import { write } from '../../src/destination/write';
import { API_KEY, GROOVE, collect, credential, testClient } from './helpers';

const ticketCreated = {
  ticket: {
    number: 101,
    href: `${GROOVE}/v1/tickets/101`,
    links: { state: { href: `${GROOVE}/v1/tickets/101/state` } },
  },
};

const messageCreated = {
  message: {
    created_at: '2026-12-03T12:00:00Z',
    note: false,
    body: 'On it.',
    href: `${GROOVE}/v1/messages/5550001`,
  },
};

const customerUpdated = {
  customer: { email: 'casey+vip@example.net', name: 'Casey', custom: { plan: 'gold' } },
};

interface Case {
  operation: string;
  record: Record<string, unknown>;
  method: 'POST' | 'PUT';
  path: string;
  body: nock.DataMatcherMap;
  status: number;
  answer: unknown;
  headers?: Record<string, string>;
  result: Record<string, unknown>;
}

const cases: [string, Case][] = [
  [
    'create_ticket',
    {
      operation: 'create_ticket',
      record: { body: 'Printer on fire', from: 'casey@example.net', to: 'support@example.com' },
      method: 'POST',
      path: '/v1/tickets',
      body: {
        body: 'Printer on fire',
        from: 'casey@example.net',
        to: 'support@example.com',
        send_copy_to_customer: false,
        skip_notifications: true,
      },
      status: 201,
      answer: ticketCreated,
      headers: { Location: `${GROOVE}/v1/tickets/101` },
      result: { status: 'created', ticket_number: 101 },
    },
  ],
  [
    'create_message',
    {
      operation: 'create_message',
      record: { ticket_number: 7, body: 'On it.', note: true },
      method: 'POST',
      path: '/v1/tickets/7/messages',
      body: { body: 'On it.', note: true, send_copy_to_customer: false, skip_notifications: true },
      status: 201,
      answer: messageCreated,
      result: { status: 'created', ticket_number: 7, message_id: '5550001' },
    },
  ],
  [
    'update_ticket_state',
    {
      operation: 'update_ticket_state',
      record: { ticket_number: 7, state: 'closed' },
      method: 'PUT',
      path: '/v1/tickets/7/state',
      body: { state: 'closed' },
      status: 204,
      answer: '',
      result: { status: 'updated', ticket_number: 7 },
    },
  ],
  [
    'update_ticket_assignee',
    {
      operation: 'update_ticket_assignee',
      record: { ticket_number: 7, assignee: 'alex@example.com' },
      method: 'PUT',
      path: '/v1/tickets/7/assignee',
      body: { assignee: 'alex@example.com' },
      status: 200,
      answer: '',
      result: { status: 'updated', ticket_number: 7 },
    },
  ],
  [
    'update_ticket_priority',
    {
      operation: 'update_ticket_priority',
      record: { ticket_number: 7, priority: 'high' },
      method: 'PUT',
      path: '/v1/tickets/7/priority',
      body: { priority: 'high' },
      status: 204,
      answer: '',
      result: { status: 'updated', ticket_number: 7 },
    },
  ],
  [
    'update_ticket_group',
    {
      operation: 'update_ticket_group',
      record: { ticket_number: 7, group: 'Billing & Refunds' },
      method: 'PUT',
      path: '/v1/tickets/7/assigned_group',
      body: { group: 'Billing & Refunds' },
      status: 200,
      answer: {},
      result: { status: 'updated', ticket_number: 7 },
    },
  ],
  [
    'update_customer',
    {
      operation: 'update_customer',
      record: { email: 'casey+vip@example.net', name: 'Casey', custom: { plan: 'gold' } },
      method: 'PUT',
      path: '/v1/customers/casey%2Bvip%40example.net',
      body: { email: 'casey+vip@example.net', name: 'Casey', custom: { plan: 'gold' } },
      status: 200,
      answer: customerUpdated,
      result: { status: 'updated', customer_email: 'casey+vip@example.net' },
    },
  ],
];

describe('writing each operation through the client', () => {
  it.each(cases)('%s sends its request once and reports what Groove made', async (_name, c) => {
    const scope = nock(GROOVE)
      .matchHeader('authorization', `Bearer ${API_KEY}`)
      .intercept(c.path, c.method, c.body)
      .reply(c.status, c.answer as nock.Body, c.headers);

    const { results, summary, error } = await collect(
      write(credential, { operation: c.operation }, [c.record], { client: testClient() }),
    );

    expect(error).toBeUndefined();
    expect(results).toEqual([{ type: 'result', index: 0, operation: c.operation, ...c.result }]);
    expect(summary).toMatchObject({
      type: 'summary',
      operation: c.operation,
      dry_run: false,
      records: 1,
      stopped: null,
      requests: 1,
    });
    expect(summary?.counts[c.result['status'] as 'created' | 'updated']).toBe(1);
    expect(scope.isDone()).toBe(true);
  });

  // reference/groove-api.md §4.1: the created ticket's number is also in the Location header.
  it('groove_api_4_1: reads the new ticket number from the Location header when the body lacks it', async () => {
    const scope = nock(GROOVE)
      .post('/v1/tickets')
      .reply(
        201,
        { ticket: { href: `${GROOVE}/v1/tickets/202` } },
        {
          Location: `${GROOVE}/v1/tickets/202`,
        },
      );
    const record = { body: 'Hi', from: 'casey@example.net', to: 'support@example.com' };

    const { results } = await collect(
      write(credential, { operation: 'create_ticket' }, [record], { client: testClient() }),
    );

    expect(results).toEqual([
      {
        type: 'result',
        index: 0,
        operation: 'create_ticket',
        status: 'created',
        ticket_number: 202,
      },
    ]);
    expect(scope.isDone()).toBe(true);
  });

  // reference/groove-api.md §4.2: a message's id exists only at the end of its href.
  it('groove_api_4_2: reads the message id out of the message href', async () => {
    const scope = nock(GROOVE)
      .post('/v1/tickets/9/messages')
      .reply(201, { message: { href: '/v1/messages/0070883940' } });

    const { results } = await collect(
      write(credential, { operation: 'create_message' }, [{ ticket_number: 9, body: 'x' }], {
        client: testClient(),
      }),
    );

    expect(results[0]).toMatchObject({
      status: 'created',
      ticket_number: 9,
      message_id: '0070883940',
    });
    expect(scope.isDone()).toBe(true);
  });

  it('sends non-ASCII text, emoji and nested objects as UTF-8 JSON, byte for byte', async () => {
    const record = {
      body: 'Der Drucker brennt 🔥 — ¿qué hacemos? 火事です',
      from: { email: 'zoë@bücher.example', name: 'Zoë Ünal 👩‍💻', company_name: 'Bücher GmbH' },
      to: 'support@example.com',
      subject: 'Ünïcödé ✓',
      tags: ['ärger', '🔥'],
    };
    const expected = { ...record, send_copy_to_customer: false, skip_notifications: true };
    const bodies: Buffer[] = [];
    const scope = nock(GROOVE)
      .matchHeader('content-type', /^application\/json; charset=utf-8$/i)
      .post('/v1/tickets')
      .reply(201, ticketCreated);
    // nock hands over the body exactly as it went on the wire.
    scope.on('request', (_request: unknown, _interceptor: unknown, raw: string) => {
      bodies.push(Buffer.from(raw, 'utf8'));
    });

    await collect(
      write(credential, { operation: 'create_ticket' }, [record], { client: testClient() }),
    );

    expect(bodies).toHaveLength(1);
    expect(bodies[0]?.equals(Buffer.from(JSON.stringify(expected), 'utf8'))).toBe(true);
    expect(scope.isDone()).toBe(true);
  });

  it('sends the emailing switches the form chose', async () => {
    const record = { ticket_number: 3, body: 'Reply', send_copy_to_customer: false };
    const scope = nock(GROOVE)
      .post('/v1/tickets/3/messages', {
        body: 'Reply',
        note: false,
        send_copy_to_customer: true,
        skip_notifications: false,
      })
      .reply(201, messageCreated);
    const form = {
      operation: 'create_message',
      send_copy_to_customer: true,
      skip_notifications: false,
    };

    const { results } = await collect(write(credential, form, [record], { client: testClient() }));

    expect(results[0]?.status).toBe('created');
    expect(scope.isDone()).toBe(true);
  });
});
