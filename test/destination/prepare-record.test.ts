import { validateDestinationConfig } from '../../src/destination/config';
import { prepareRecord } from '../../src/destination/prepare-record';

function prepare(operation: string, record: unknown, form: Record<string, unknown> = {}) {
  return prepareRecord(record, validateDestinationConfig({ operation, ...form }));
}

function requestFor(operation: string, record: unknown, form: Record<string, unknown> = {}) {
  const prepared = prepare(operation, record, form);
  if (!prepared.ok) throw new Error(`record refused: ${JSON.stringify(prepared.issues)}`);
  const { method, path, body } = prepared.request;
  return { method, path, body };
}

function issuesFor(operation: string, record: unknown, form: Record<string, unknown> = {}) {
  const prepared = prepare(operation, record, form);
  if (prepared.ok) throw new Error('expected the record to be refused');
  return prepared.issues.map(({ field, label, message }) => ({ field, label, message }));
}

describe('turning a record into its request', () => {
  it.each([
    [
      'create_ticket',
      { body: 'Printer on fire', from: 'casey@example.net', to: 'support@example.com' },
      {
        method: 'POST',
        path: '/tickets',
        body: {
          body: 'Printer on fire',
          from: 'casey@example.net',
          to: 'support@example.com',
          send_copy_to_customer: false,
          skip_notifications: true,
        },
      },
    ],
    [
      'create_message',
      { ticket_number: 12, body: 'On it.', author: 'alex@example.com' },
      {
        method: 'POST',
        path: '/tickets/12/messages',
        body: {
          body: 'On it.',
          author: 'alex@example.com',
          note: false,
          send_copy_to_customer: false,
          skip_notifications: true,
        },
      },
    ],
    [
      'update_ticket_state',
      { ticket_number: 12, state: 'closed' },
      { method: 'PUT', path: '/tickets/12/state', body: { state: 'closed' } },
    ],
    [
      'update_ticket_assignee',
      { ticket_number: 12, assignee: 'alex@example.com' },
      { method: 'PUT', path: '/tickets/12/assignee', body: { assignee: 'alex@example.com' } },
    ],
    [
      'update_ticket_priority',
      { ticket_number: 12, priority: 'urgent' },
      { method: 'PUT', path: '/tickets/12/priority', body: { priority: 'urgent' } },
    ],
    [
      'update_ticket_group',
      { ticket_number: 12, group: 'Billing' },
      { method: 'PUT', path: '/tickets/12/assigned_group', body: { group: 'Billing' } },
    ],
    [
      'update_customer',
      { email: 'casey+vip@example.net', name: 'Casey', custom: { plan: 'gold', seats: 4 } },
      {
        method: 'PUT',
        path: '/customers/casey%2Bvip%40example.net',
        body: {
          email: 'casey+vip@example.net',
          name: 'Casey',
          custom: { plan: 'gold', seats: 4 },
        },
      },
    ],
  ])('builds the %s request with Groove field names', (operation, record, expected) => {
    expect(requestFor(operation, record)).toEqual(expected);
  });

  it('lets the form switches win over the emailing values a record carries', () => {
    const record = {
      body: 'Hi',
      from: 'casey@example.net',
      to: 'support@example.com',
      send_copy_to_customer: true,
      skip_notifications: false,
    };

    expect(requestFor('create_ticket', record).body).toMatchObject({
      send_copy_to_customer: false,
      skip_notifications: true,
    });
    expect(
      requestFor('create_ticket', record, {
        send_copy_to_customer: true,
        skip_notifications: false,
      }).body,
    ).toMatchObject({ send_copy_to_customer: true, skip_notifications: false });
  });

  it('keeps a private note a note', () => {
    const body = requestFor('create_message', {
      ticket_number: 3,
      body: 'Internal',
      note: true,
    }).body;

    expect(body['note']).toBe(true);
  });

  it('changes a customer email by sending the new one to the old one’s path', () => {
    const record = { email: 'old@example.net', new_email: 'new@example.net' };

    expect(requestFor('update_customer', record)).toEqual({
      method: 'PUT',
      path: '/customers/old%40example.net',
      body: { email: 'new@example.net' },
    });
  });

  // reference/groove-api.md §13.12: emails in paths are URL-encoded.
  it('groove_api_13_12: encodes a customer email with unicode and slashes as one path segment', () => {
    expect(requestFor('update_customer', { email: 'zoë/ops@bücher.example' }).path).toBe(
      '/customers/zo%C3%AB%2Fops%40b%C3%BCcher.example',
    );
  });

  it('sends a ticket with customer objects, tags and unicode intact', () => {
    const record = {
      body: 'Der Drucker brennt 🔥 — ¿qué hacemos?',
      from: { email: 'zoë@bücher.example', name: 'Zoë Ünal', company_name: 'Bücher GmbH' },
      to: 'support@example.com',
      subject: '火事です',
      tags: ['urgent', 'hardware'],
      starred: true,
      note: false,
    };

    expect(requestFor('create_ticket', record).body).toEqual({
      ...record,
      send_copy_to_customer: false,
      skip_notifications: true,
    });
  });
});

describe('mapping record fields to operation inputs', () => {
  it('reads mapped fields by name, dotted path and JSON Pointer', () => {
    const record = {
      id: 'row-1',
      'ticket.no': '77',
      reply: { text: 'Thanks!' },
      people: [{ mail: 'alex@example.com' }],
    };
    const mapping = { ticket_number: 'ticket.no', body: 'reply.text', author: '/people/0/mail' };

    expect(requestFor('create_message', record, { mapping })).toEqual({
      method: 'POST',
      path: '/tickets/77/messages',
      body: expect.objectContaining({ body: 'Thanks!', author: 'alex@example.com' }),
    });
  });

  it('builds a customer object from mapped inner fields', () => {
    const record = { text: 'Hello', customer: { mail: 'casey@example.net', full: 'Casey C' } };
    const mapping = {
      body: 'text',
      from: 'customer.mail',
      'to.email': 'customer.mail',
      'to.name': 'customer.full',
    };

    expect(requestFor('create_ticket', record, { mapping }).body).toMatchObject({
      from: 'casey@example.net',
      to: { email: 'casey@example.net', name: 'Casey C' },
    });
  });

  it('fills a custom customer field whose name Groove users chose freely', () => {
    const record = { mail: 'casey@example.net', tier: 'gold' };
    const mapping = { email: 'mail', 'custom.Plan Tier-2': 'tier' };

    expect(requestFor('update_customer', record, { mapping }).body).toEqual({
      email: 'casey@example.net',
      custom: { 'Plan Tier-2': 'gold' },
    });
  });

  it('leaves behind record fields that are not inputs, and null values', () => {
    const record = { ticket_number: 5, state: 'opened', href: 'x', title: null, priority: null };

    expect(requestFor('update_ticket_state', record).body).toEqual({ state: 'opened' });
    expect(
      requestFor('update_customer', { email: 'casey@example.net', name: null, about: 'VIP' }).body,
    ).toEqual({ email: 'casey@example.net', about: 'VIP' });
  });

  it('reads a ticket number written as digits, as spreadsheets and CSV files hold it', () => {
    expect(
      requestFor('update_ticket_priority', { ticket_number: '0042', priority: 'low' }),
    ).toEqual({ method: 'PUT', path: '/tickets/42/priority', body: { priority: 'low' } });
  });
});

describe('refusing a record, naming the field', () => {
  it.each([
    [
      'a record that is not an object',
      'update_ticket_state',
      ['12', 'closed'],
      { field: '(root)', label: 'Record', message: 'The record must be an object of fields.' },
    ],
    [
      'a missing ticket number',
      'update_ticket_state',
      { state: 'closed' },
      { field: 'ticket_number', label: 'Ticket Number', message: 'Ticket Number is required.' },
    ],
    [
      'a ticket number that is not a number',
      'update_ticket_state',
      { ticket_number: 'twelve', state: 'closed' },
      {
        field: 'ticket_number',
        label: 'Ticket Number',
        message: 'Ticket Number must be a whole number.',
      },
    ],
    [
      'a state Groove does not have',
      'update_ticket_state',
      { ticket_number: 1, state: 'snoozed' },
      {
        field: 'state',
        label: 'State',
        message: 'State must be one of: unread, opened, pending, closed, spam.',
      },
    ],
    [
      'a priority Groove does not have',
      'update_ticket_priority',
      { ticket_number: 1, priority: 'critical' },
      {
        field: 'priority',
        label: 'Priority',
        message: 'Priority must be one of: low, medium, high, urgent.',
      },
    ],
    [
      'an assignee that is not an email address',
      'update_ticket_assignee',
      { ticket_number: 1, assignee: 'Alex Agent' },
      { field: 'assignee', label: 'Assignee', message: 'Assignee must be an email address.' },
    ],
    [
      'a sender that is neither an email nor a customer',
      'create_ticket',
      { body: 'Hi', from: 42, to: 'support@example.com' },
      { field: 'from', label: 'From', message: 'From must be a string or an object.' },
    ],
    [
      'a sender email that is not one',
      'create_ticket',
      { body: 'Hi', from: 'casey at example', to: 'support@example.com' },
      { field: 'from', label: 'From', message: 'From must be an email address.' },
    ],
    [
      'a customer object without its email',
      'create_ticket',
      { body: 'Hi', from: 'casey@example.net', to: { name: 'Support' } },
      { field: 'to/email', label: 'Customer Email', message: 'Customer Email is required.' },
    ],
    [
      'an empty body',
      'create_message',
      { ticket_number: 1, body: '' },
      { field: 'body', label: 'Body', message: 'Body must not be empty.' },
    ],
    [
      'custom fields that are not an object',
      'update_customer',
      { email: 'casey@example.net', custom: ['gold'] },
      { field: 'custom', label: 'Custom Fields', message: 'Custom Fields must be an object.' },
    ],
  ])('refuses %s', (_case, operation, record, issue) => {
    expect(issuesFor(operation, record)).toEqual([issue]);
  });

  it('says which record field a mapped input came from', () => {
    const issues = issuesFor(
      'update_ticket_state',
      { ticket_number: 3 },
      { mapping: { state: 'status' } },
    );

    expect(issues).toEqual([
      {
        field: 'state',
        label: 'State',
        message: 'State is required. (mapped from the record\'s "status")',
      },
    ]);
  });

  it('never repeats the value it refused', () => {
    const secretish = 'not-an-email-4f1d9a';
    const issues = issuesFor('update_customer', { email: secretish });

    expect(JSON.stringify(issues)).not.toContain(secretish);
  });
});

describe('email addresses', () => {
  it.each([
    'casey@example.net',
    'casey+groove@example.net',
    "o'brien@example.ie",
    'first.last@sub.example.co.uk',
    'zoë@example.de',
    'δοκιμή@παράδειγμα.δοκιμή',
    '用户@例子.广告',
    'josé@bücher.example',
    'info@xn--bcher-kva.example',
  ])('accepts %s', (email) => {
    expect(prepare('update_customer', { email }).ok).toBe(true);
  });

  it.each([
    'casey',
    'casey@',
    '@example.net',
    'casey@localhost',
    'casey@@example.net',
    'ca sey@example.net',
    'casey..c@example.net',
    'casey@example..net',
    `${'a'.repeat(65)}@example.net`,
  ])('refuses %s', (email) => {
    expect(issuesFor('update_customer', { email })).toEqual([
      {
        field: 'email',
        label: 'Customer Email',
        message: 'Customer Email must be an email address.',
      },
    ]);
  });
});
