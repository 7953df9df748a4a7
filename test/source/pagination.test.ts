import nock from 'nock';
import { paginate, pageBound } from '../../src/source/paginate';
import { PartialFailures } from '../../src/source/partial-failures';
import type { ReadContext } from '../../src/source/read-context';
import { quietLogger } from '../../src/logger';
import { GROOVE, readAll, recordsOf, testClient } from './helpers/read-helpers';

afterEach(() => nock.cleanAll());

function context(): ReadContext {
  return {
    client: testClient(),
    signal: new AbortController().signal,
    logger: quietLogger,
    failures: new PartialFailures(),
  };
}

const customers = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ email: `c${from + i}@example.net` }));

const meta = (page: number, totalPages: number, totalCount: number, next: string | null) => ({
  pagination: {
    current_page: page,
    total_pages: totalPages,
    total_count: totalCount,
    next_page: next,
  },
});

async function pagesOf(target: { path: string; itemsKey: string; query?: Record<string, string> }) {
  const numbers: number[] = [];
  for await (const page of paginate(context(), { part: '', subject: 'test', ...target }, 1)) {
    numbers.push(page.number);
  }
  return numbers;
}

describe('pagination', () => {
  it('stops when current_page reaches total_pages without probing for an empty page', async () => {
    const scope = nock(GROOVE)
      .get('/v1/customers')
      .query({ page: '1', per_page: '50' })
      .reply(200, {
        customers: customers(0, 50),
        meta: meta(1, 2, 60, `${GROOVE}/v1/customers?page=2`),
      })
      .get('/v1/customers')
      .query({ page: '2', per_page: '50' })
      .reply(200, {
        customers: customers(50, 10),
        meta: meta(2, 2, 60, `${GROOVE}/v1/customers?page=3`),
      });

    expect(await pagesOf({ path: '/customers', itemsKey: 'customers' })).toEqual([1, 2]);
    expect(scope.isDone()).toBe(true);
  });

  it('stops on an empty trailing page when total_pages over-reports (reference/groove-api.md §6)', async () => {
    const scope = nock(GROOVE)
      .get('/v1/customers')
      .query({ page: '1', per_page: '50' })
      .reply(200, {
        customers: customers(0, 50),
        meta: meta(1, 5, 250, `${GROOVE}/v1/customers?page=2`),
      })
      .get('/v1/customers')
      .query({ page: '2', per_page: '50' })
      .reply(200, { customers: [], meta: meta(2, 5, 250, `${GROOVE}/v1/customers?page=3`) });

    expect(await pagesOf({ path: '/customers', itemsKey: 'customers' })).toEqual([1, 2]);
    expect(scope.isDone()).toBe(true);
  });

  it('ignores a next_page on another host and without per_page, rebuilding page 2 with every filter (§13.14)', async () => {
    const elsewhere = nock('http://api.groovehq.dev').get(/.*/).reply(200, {});
    const scope = nock(GROOVE)
      .get('/v1/tickets')
      .query({ state: 'closed', page: '1', per_page: '50' })
      .reply(200, {
        tickets: [{ number: 2, updated_at: '2020-01-02T00:00:00Z' }],
        meta: meta(1, 2, 2, 'http://api.groovehq.dev/v1/tickets?page=2'),
      })
      .get('/v1/tickets')
      .query({ state: 'closed', page: '2', per_page: '50' })
      .reply(200, {
        tickets: [{ number: 1, updated_at: '2020-01-01T00:00:00Z' }],
        meta: meta(2, 2, 2, null),
      });

    const messages = await readAll(
      { streams: [{ name: 'tickets', state: 'closed' }] },
      { client: testClient() },
    );

    expect(recordsOf(messages, 'tickets').map((t) => t['number'])).toEqual([2, 1]);
    expect(scope.isDone()).toBe(true);
    expect(elsewhere.isDone()).toBe(false);
  });

  it('emits a ticket once when it shows up on two pages because the order moved (§13.13)', async () => {
    const first = Array.from({ length: 50 }, (_, i) => ({
      number: 100 - i,
      updated_at: '2020-01-01T00:00:00Z',
    }));
    const date = { Date: 'Wed, 01 Jan 2020 01:00:00 GMT' };
    const scope = nock(GROOVE)
      .get('/v1/tickets')
      .query({ page: '1', per_page: '50' })
      .reply(200, { tickets: first, meta: meta(1, 2, 60, 'x') }, date)
      .get('/v1/tickets')
      .query({ page: '2', per_page: '50' })
      .reply(
        200,
        {
          tickets: [first[49], { number: 1, updated_at: '2020-01-01T00:00:00Z' }],
          meta: meta(2, 2, 60, null),
        },
        date,
      )
      // The repeat sends the read back to page 1 for tickets that moved (none here).
      .get('/v1/tickets')
      .query({ page: '1', per_page: '50' })
      .reply(200, { tickets: first, meta: meta(1, 2, 60, 'x') }, date);

    const messages = await readAll({ streams: [{ name: 'tickets' }] }, { client: testClient() });

    const numbers = recordsOf(messages, 'tickets').map((t) => t['number']);
    expect(numbers).toHaveLength(51);
    expect(new Set(numbers).size).toBe(51);
    expect(scope.isDone()).toBe(true);
  });

  it('emits a customer once when it repeats on the next page', async () => {
    const scope = nock(GROOVE)
      .get('/v1/customers')
      .query({ page: '1', per_page: '50' })
      .reply(200, { customers: customers(0, 50), meta: meta(1, 2, 51, 'x') })
      .get('/v1/customers')
      .query({ page: '2', per_page: '50' })
      .reply(200, { customers: customers(49, 2), meta: meta(2, 2, 51, null) });

    const messages = await readAll({ streams: [{ name: 'customers' }] }, { client: testClient() });

    expect(recordsOf(messages, 'customers')).toHaveLength(51);
    expect(scope.isDone()).toBe(true);
  });

  it('ends within ceil(total_count / 50) + 3 pages when the pagination block never says done', async () => {
    const scope = nock(GROOVE)
      .persist()
      .get('/v1/customers')
      .query(true)
      .reply(200, (request) => {
        const page = Number(new URL(request.url).searchParams.get('page'));
        return { customers: customers(page * 50, 50), meta: meta(page, 999_999, 60, 'more') };
      });

    const pages = await pagesOf({ path: '/customers', itemsKey: 'customers' });

    expect(pages).toEqual([1, 2, 3, 4, 5]);
    expect(pages.length).toBeLessThanOrEqual(Math.ceil(60 / 50) + 3);
    scope.persist(false);
  });

  it('treats a list without a pagination block as one page', async () => {
    const scope = nock(GROOVE)
      .get('/v1/agents')
      .query({ page: '1', per_page: '50' })
      .reply(200, { agents: [{ email: 'alex.agent@example.com' }] });

    expect(await pagesOf({ path: '/agents', itemsKey: 'agents' })).toEqual([1]);
    expect(scope.isDone()).toBe(true);
  });

  it('fails with UnexpectedResponseError when the envelope lacks its list', async () => {
    nock(GROOVE).get('/v1/agents').query(true).reply(200, { people: [] });

    await expect(pagesOf({ path: '/agents', itemsKey: 'agents' })).rejects.toMatchObject({
      code: 'unexpected_response',
    });
  });

  it.each([
    [0, 2],
    [50, 4],
    [51, 5],
    [5000, 112],
    [undefined, 200_000],
    [-3, 200_000],
    ['12', 200_000],
  ])('bounds a list of total_count %p at page %p', (total, bound) => {
    expect(pageBound(total)).toBe(bound);
  });
});
