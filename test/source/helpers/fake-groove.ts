import nock from 'nock';
import { GROOVE } from '../../client/fixtures';

export interface FakeTicket {
  number: number;
  updated_at: string;
  messages: Array<{ id: string; updated_at: string }>;
}

/**
 * A tiny Groove behind nock (real axios underneath): tickets listed newest first, their
 * messages, and attachments (one per message). Reply functions read `tickets` on every
 * request, so a test may change the data between reads. `requests` lists what was asked.
 */
export function fakeGroove(tickets: FakeTicket[]) {
  const requests: string[] = [];
  const pageOf = <T>(items: T[], url: URL, key: string, path: string) => {
    const page = Number(url.searchParams.get('page') ?? '1');
    const perPage = Number(url.searchParams.get('per_page') ?? '25');
    const totalPages = Math.max(1, Math.ceil(items.length / perPage));
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const next = page < totalPages ? `http://api.groovehq.dev/v1${path}?page=${page + 1}` : null;
    return {
      [key]: slice,
      meta: {
        pagination: {
          current_page: page,
          total_pages: totalPages,
          total_count: items.length,
          next_page: next,
        },
      },
    };
  };
  const byActivity = () =>
    [...tickets].sort(
      (a, b) => Date.parse(b.updated_at) - Date.parse(a.updated_at) || b.number - a.number,
    );

  const scope = nock(GROOVE)
    .persist()
    .get(/^\/v1\/tickets(\?.*)?$/)
    .reply((request) => {
      const url = new URL(request.url);
      requests.push(url.pathname + url.search);
      const items = byActivity().map((ticket) => ({
        number: ticket.number,
        updated_at: ticket.updated_at,
        created_at: '2024-01-01T00:00:00Z',
        message_count: ticket.messages.length,
        title: `Ticket ${ticket.number}`,
      }));
      return [200, pageOf(items, url, 'tickets', '/tickets')];
    })
    .get(/^\/v1\/tickets\/\d+\/messages(\?.*)?$/)
    .reply((request) => {
      const url = new URL(request.url);
      requests.push(url.pathname + url.search);
      const number = Number(/tickets\/(\d+)\//.exec(url.pathname)?.[1]);
      const ticket = tickets.find((candidate) => candidate.number === number);
      if (ticket === undefined) return [404, { errors: ['Ticket not found'] }];
      const items = ticket.messages.map((message) => ({
        ...message,
        created_at: message.updated_at,
        note: false,
        body: '<p>hi</p>',
        href: `${GROOVE}/v1/messages/${message.id}`,
      }));
      return [200, pageOf(items, url, 'messages', `/tickets/${number}/messages`)];
    })
    .get(/^\/v1\/attachments(\?.*)?$/)
    .reply((request) => {
      const url = new URL(request.url);
      requests.push(url.pathname + url.search);
      const id = url.searchParams.get('message');
      return [200, { attachments: [{ filename: `${id}.pdf`, size: 10, url: 'https://s3/x' }] }];
    });

  return { requests, scope, done: () => nock.cleanAll() };
}

/** `count` tickets, ticket n updated n minutes after `base`, with `messagesPer(n)` messages. */
export function makeTickets(count: number, messagesPer: (n: number) => number): FakeTicket[] {
  const base = Date.UTC(2025, 0, 1);
  return Array.from({ length: count }, (_, index) => {
    const number = index + 1;
    const at = new Date(base + number * 60_000).toISOString().replace('.000Z', 'Z');
    const messages = Array.from({ length: messagesPer(number) }, (_unused, m) => ({
      id: String(number * 1000 + m).padStart(10, '0'),
      updated_at: at,
    }));
    return { number, updated_at: at, messages };
  });
}
