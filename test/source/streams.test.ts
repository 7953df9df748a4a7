import fs from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import { GROOVE, readAll, recordsOf, schemaErrors, testClient } from './helpers/read-helpers';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/source', name), 'utf8'));

const lastPage = (body: Record<string, unknown>): Record<string, unknown> => ({
  ...body,
  meta: { pagination: { current_page: 1, total_pages: 1, total_count: 1, next_page: null } },
});

afterEach(() => nock.cleanAll());

describe('each stream asks Groove for its list with per_page=50 and emits records its schema accepts', () => {
  it.each([
    [
      'customers',
      {},
      '/v1/customers',
      { page: '1', per_page: '50' },
      'customers-list.json',
      'customers',
    ],
    ['agents', {}, '/v1/agents', { page: '1', per_page: '50' }, 'agents-list.json', 'agents'],
    ['groups', {}, '/v1/groups', { page: '1', per_page: '50' }, 'groups-list.json', 'groups'],
    [
      'mailboxes',
      {},
      '/v1/mailboxes',
      { page: '1', per_page: '50' },
      'mailboxes-list.json',
      'mailboxes',
    ],
    [
      'folders',
      { mailbox: 'support@example.com' },
      '/v1/folders',
      { mailbox: 'support@example.com', page: '1', per_page: '50' },
      'folders-list.json',
      'folders',
    ],
    ['widgets', {}, '/v1/widgets', { page: '1', per_page: '50' }, 'widgets-list.json', 'widgets'],
    [
      'kb_articles',
      { knowledge_base_id: '4216430596' },
      '/v1/kb/4216430596/articles',
      { page: '1', per_page: '50' },
      'kb-articles-search.json',
      'articles',
    ],
    [
      'tickets',
      {
        state: 'opened',
        folder: '2358795',
        assignee: 'unassigned',
        customer: 'casey.customer@example.net',
      },
      '/v1/tickets',
      {
        state: 'opened',
        folder: '2358795',
        assignee: 'unassigned',
        customer: 'casey.customer@example.net',
        page: '1',
        per_page: '50',
      },
      'tickets-list-extended.json',
      'tickets',
    ],
  ])('%s', async (stream, options, listPath, query, file, key) => {
    const body = lastPage(fixture(file));
    const scope = nock(GROOVE).get(listPath).query(query).reply(200, body);

    const messages = await readAll(
      { streams: [{ name: stream, ...options }] },
      { client: testClient() },
    );

    const records = recordsOf(messages, stream);
    expect(records).toEqual(body[key]);
    for (const record of records) expect(schemaErrors(stream, record)).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('reads kb_categories of every knowledge base GET /kb names when no id is given', async () => {
    const category = (fixture('kb-categories-created.json') as { category: object }).category;
    const scope = nock(GROOVE)
      .get('/v1/kb')
      .query({ page: '1', per_page: '50' })
      .reply(200, { knowledge_bases: [{ id: '0001' }, { id: '0002' }] })
      .get('/v1/kb/0001/categories')
      .query({ page: '1', per_page: '50' })
      .reply(200, { categories: [category] })
      .get('/v1/kb/0002/categories')
      .query({ page: '1', per_page: '50' })
      .reply(200, { categories: [{ ...category, id: '0999', knowledge_base_id: '0002' }] });

    const messages = await readAll(
      { streams: [{ name: 'kb_categories' }] },
      { client: testClient() },
    );

    const records = recordsOf(messages, 'kb_categories');
    expect(records.map((record) => record['id'])).toEqual(['5249150327', '0999']);
    for (const record of records) expect(schemaErrors('kb_categories', record)).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('turns the bare folder-count map of GET /tickets/count into one row per folder', async () => {
    const scope = nock(GROOVE)
      .get('/v1/tickets/count')
      .query({ mailbox: '1324123' })
      .reply(200, fixture('tickets-count.json'));

    const messages = await readAll(
      { streams: [{ name: 'ticket_counts', mailbox: '1324123' }] },
      { client: testClient() },
    );

    const records = recordsOf(messages, 'ticket_counts');
    const byFolder = [...records].sort((a, b) =>
      String(a['folder_id']).localeCompare(String(b['folder_id'])),
    );
    expect(byFolder).toEqual([
      { folder_id: '728525', count: 1, mailbox: '1324123' },
      { folder_id: '842376', count: 0, mailbox: '1324123' },
      { folder_id: '987452', count: 0, mailbox: '1324123' },
    ]);
    for (const record of records) expect(schemaErrors('ticket_counts', record)).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('reads messages of given tickets with the ticket number added and the id taken from href', async () => {
    const scope = nock(GROOVE)
      .get('/v1/tickets/1/messages')
      .query({ page: '1', per_page: '50' })
      .reply(200, lastPage(fixture('messages-list.json')));

    const messages = await readAll(
      { streams: [{ name: 'messages', ticket_numbers: [1] }] },
      { client: testClient() },
    );

    const [record] = recordsOf(messages, 'messages');
    expect(record).toMatchObject({ id: '5', ticket_number: 1, note: false });
    expect(schemaErrors('messages', record)).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('reads attachments with the message id Groove links to, adding message_id, ticket_number and position', async () => {
    const scope = nock(GROOVE)
      .get('/v1/tickets/1/messages')
      .query({ page: '1', per_page: '50' })
      .reply(200, lastPage(fixture('messages-list.json')))
      .get('/v1/attachments')
      .query({ message: '764578238', page: '1', per_page: '50' })
      .reply(200, fixture('attachments-list.json'));

    const messages = await readAll(
      { streams: [{ name: 'attachments', ticket_numbers: [1] }] },
      { client: testClient() },
    );

    const records = recordsOf(messages, 'attachments');
    expect(records).toEqual([
      {
        filename: 'an-attachment.pdf',
        size: 100249,
        url: 'http://bucket-name.s3.amazonaws.com/?1429889868',
        message_id: '5',
        ticket_number: 1,
        position: 0,
      },
    ]);
    expect(schemaErrors('attachments', records[0])).toEqual([]);
    expect(recordsOf(messages, 'messages')).toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('keeps both of two files of the same name on one message apart by their position, the primary key with message_id', async () => {
    const twin = (size: number) => ({ filename: 'export (1).csv', size, url: null });
    nock(GROOVE)
      .get('/v1/tickets/1/messages')
      .query({ page: '1', per_page: '50' })
      .reply(200, lastPage(fixture('messages-list.json')))
      .get('/v1/attachments')
      .query({ message: '764578238', page: '1', per_page: '50' })
      .reply(200, { attachments: [twin(120), twin(3366335)] });

    const messages = await readAll(
      { streams: [{ name: 'attachments', ticket_numbers: [1] }] },
      { client: testClient() },
    );

    const records = recordsOf(messages, 'attachments');
    expect(records.map((r) => [r['message_id'], r['position'], r['size']])).toEqual([
      ['5', 0, 120],
      ['5', 1, 3366335],
    ]);
    const schema = JSON.parse(
      fs.readFileSync(
        path.join(__dirname, '../../schemas/records/attachments.schema.json'),
        'utf8',
      ),
    ) as { 'x-primary-key': string[] };
    const primaryKeys = records.map((r) =>
      JSON.stringify(schema['x-primary-key'].map((k) => r[k])),
    );
    expect(new Set(primaryKeys).size).toBe(2);
    expect(records.flatMap((r) => schemaErrors('attachments', r))).toEqual([]);
  });

  it('reads tickets, their messages and attachments in one pass: one ticket page, one message page per ticket', async () => {
    const ticket = { number: 7, updated_at: '2017-12-14 21:17:29 +0530', attachment_count: 1 };
    const quiet = { number: 8, updated_at: '2017-12-14T10:00:00Z', attachment_count: 0 };
    const message = { id: '5308968422', updated_at: '2017-12-14 21:17:29 +0530', href: '' };
    const scope = nock(GROOVE)
      .get('/v1/tickets')
      .query({ page: '1', per_page: '50' })
      .reply(200, lastPage({ tickets: [ticket, quiet] }))
      .get('/v1/tickets/7/messages')
      .query({ page: '1', per_page: '50' })
      .reply(200, lastPage({ messages: [message] }))
      .get('/v1/tickets/8/messages')
      .query({ page: '1', per_page: '50' })
      .reply(200, lastPage({ messages: [] }))
      .get('/v1/attachments')
      .query({ message: '5308968422', page: '1', per_page: '50' })
      .reply(200, { attachments: [{ filename: 'a.png', size: 1, url: null }] });

    const messages = await readAll(
      { streams: [{ name: 'tickets' }, { name: 'messages' }, { name: 'attachments' }] },
      { client: testClient() },
    );

    expect(recordsOf(messages, 'tickets').map((r) => r['number'])).toEqual([7, 8]);
    expect(recordsOf(messages, 'messages').map((r) => r['ticket_number'])).toEqual([7]);
    expect(recordsOf(messages, 'attachments')).toHaveLength(1);
    expect(scope.isDone()).toBe(true);
  });
});
