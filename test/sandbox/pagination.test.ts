import { startSandbox, type Sandbox } from '../../src/sandbox';
import { call, getJson, type Page } from './http';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ tickets: 300, seed: 7 });
});

afterAll(async () => {
  await sandbox.close();
});

describe('sandbox pagination', () => {
  it('wraps lists in meta.pagination with current_page, total_pages, total_count and next_page', async () => {
    const page = await getJson<Page<'tickets'>>(sandbox, '/v1/tickets?page=2&per_page=40');

    expect(page.tickets).toHaveLength(40);
    expect(page.meta.pagination).toEqual({
      current_page: 2,
      total_pages: 8,
      total_count: 300,
      next_page: `${sandbox.url}/v1/tickets?page=3`,
    });
  });

  it('builds next_page on its own origin, keeping the filters and dropping per_page (groove-api.md §6)', async () => {
    const page = await getJson<Page<'tickets'>>(sandbox, '/v1/tickets?state=closed&per_page=10');
    const next = new URL(page.meta.pagination.next_page ?? '');

    expect(next.origin).toBe(sandbox.url);
    expect(next.pathname).toBe('/v1/tickets');
    expect(next.searchParams.get('state')).toBe('closed');
    expect(next.searchParams.get('page')).toBe('2');
    expect(next.searchParams.has('per_page')).toBe(false);
  });

  it('serves 25 per page by default and caps per_page at 50', async () => {
    const byDefault = await getJson<Page<'tickets'>>(sandbox, '/v1/tickets');
    const capped = await getJson<Page<'tickets'>>(sandbox, '/v1/tickets?per_page=500');

    expect(byDefault.tickets).toHaveLength(25);
    expect(capped.tickets).toHaveLength(50);
    expect(capped.meta.pagination.total_pages).toBe(6);
  });

  it('ends with next_page null on the last page and serves an empty page past the end', async () => {
    const last = await getJson<Page<'tickets'>>(sandbox, '/v1/tickets?per_page=50&page=6');
    const past = await getJson<Page<'tickets'>>(sandbox, '/v1/tickets?per_page=50&page=9');

    expect(last.tickets).toHaveLength(50);
    expect(last.meta.pagination.next_page).toBeNull();
    expect(past.tickets).toEqual([]);
    expect(past.meta.pagination.next_page).toBeNull();
  });

  it('visits every ticket exactly once when following next_page with per_page added back', async () => {
    const seen: number[] = [];
    let path: string | null = '/v1/tickets?per_page=50';
    while (path !== null) {
      const page: Page<'tickets'> = await getJson(sandbox, path);
      seen.push(...page.tickets.map((ticket) => Number(ticket.number)));
      const next = page.meta.pagination.next_page;
      path = next === null ? null : `${new URL(next).pathname}${new URL(next).search}&per_page=50`;
    }

    expect(seen).toEqual(sandbox.data.ticketNumbers());
    expect(new Set(seen).size).toBe(300);
  });

  it('lists tickets newest activity first', async () => {
    const page = await getJson<Page<'tickets'>>(sandbox, '/v1/tickets?per_page=50');
    const times = page.tickets.map((ticket) => String(ticket.updated_at));

    expect([...times].sort().reverse()).toEqual(times);
  });

  it('pages through the messages of a ticket with more than 100 of them', async () => {
    const count = Number(sandbox.data.ticket(7)?.message_count);
    const first = await getJson<Page<'messages'>>(sandbox, '/v1/tickets/7/messages?per_page=50');

    expect(count).toBeGreaterThan(100);
    expect(first.messages).toHaveLength(50);
    expect(first.meta.pagination).toMatchObject({
      total_count: count,
      total_pages: Math.ceil(count / 50),
    });
    expect(first.messages.map((message) => message.id)).toEqual(
      sandbox.data.messageIds(7).slice(0, 50),
    );
  });

  it('paginates customers and the knowledge base categories and articles', async () => {
    const kb = String(sandbox.data.knowledgeBaseRecords()[0]?.id);
    const customers = await getJson<Page<'customers'>>(sandbox, '/v1/customers?per_page=50');
    const categories = await getJson<Page<'categories'>>(
      sandbox,
      `/v1/kb/${kb}/categories?per_page=3`,
    );
    const articles = await getJson<Page<'articles'>>(
      sandbox,
      `/v1/kb/${kb}/articles?per_page=50&page=3`,
    );

    expect(customers.meta.pagination.total_count).toBe(60);
    expect(categories.categories).toHaveLength(3);
    expect(categories.meta.pagination.next_page).toBe(
      `${sandbox.url}/v1/kb/${kb}/categories?page=2`,
    );
    expect(articles.meta.pagination).toMatchObject({
      current_page: 3,
      total_count: 130,
      next_page: null,
    });
    expect(articles.articles).toHaveLength(30);
  });

  it.each(['agents', 'groups', 'mailboxes', 'folders', 'widgets'])(
    'serves %s as one page with no pagination meta (groove-api.md §6)',
    async (name) => {
      const answer = await call(sandbox, 'GET', `/v1/${name}`);
      const body = JSON.parse(answer.text) as Record<string, unknown>;

      expect(answer.status).toBe(200);
      expect(Array.isArray(body[name])).toBe(true);
      expect(body).not.toHaveProperty('meta');
    },
  );
});
