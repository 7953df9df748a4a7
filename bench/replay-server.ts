import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Groove's largest page (reference/groove-api.md §6). */
const PER_PAGE = 50;

/**
 * Serves the sandbox's ticket pages byte for byte from memory, recorded once, so that the
 * server costs next to nothing and a read's speed shows the client's own cost per record.
 * It answers only what a ticket read asks: GET /v1/tickets?page=N&per_page=50 with the token.
 * `next_page` links in the recorded pages are rewritten to point here.
 */
export async function startReplay(source: {
  url: string;
  token: string;
  tickets: number;
}): Promise<{ url: string; close: () => Promise<void> }> {
  const pages: Buffer[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://replay');
    const page = Number(url.searchParams.get('page') ?? '1');
    const body = pages[page - 1];
    const authorized = request.headers.authorization === `Bearer ${source.token}`;
    const fits =
      request.method === 'GET' &&
      url.pathname === '/v1/tickets' &&
      url.searchParams.get('per_page') === String(PER_PAGE);

    if (!authorized) response.writeHead(401).end();
    else if (!fits || body === undefined) response.writeHead(404).end();
    else response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const pageCount = Math.max(1, Math.ceil(source.tickets / PER_PAGE));
  for (let page = 1; page <= pageCount; page++) {
    const response = await fetch(`${source.url}/v1/tickets?page=${page}&per_page=${PER_PAGE}`, {
      headers: { Authorization: `Bearer ${source.token}` },
    });
    if (response.status !== 200) throw new Error(`recording page ${page}: ${response.status}`);
    pages.push(Buffer.from((await response.text()).split(source.url).join(origin)));
  }

  return {
    url: origin,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
