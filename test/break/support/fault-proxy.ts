import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What the proxy does to one request. The sandbox injects resets, hangs, 5xx, malformed and
 * HTML answers itself; the proxy adds what it cannot: 429 with and without Retry-After, a 200
 * with an empty body, and pagination blocks that are wrong in the ways Groove's are known to be
 * (reference/groove-api.md §6, §13.13, §13.14).
 */
export type ProxyAction =
  | 'pass'
  | '429'
  | '429-retry-after'
  | '429-http-date'
  | 'empty-200'
  | 'meta-overcount'
  | 'meta-strings'
  | 'meta-no-totals'
  | 'meta-wrong-current'
  | 'meta-next-on-last';

export const PROXY_FAULTS: readonly ProxyAction[] = [
  '429',
  '429-retry-after',
  '429-http-date',
  'empty-200',
  'meta-overcount',
  'meta-strings',
  'meta-no-totals',
  'meta-wrong-current',
  'meta-next-on-last',
];

export type ProxyPlan = (method: string, path: string) => ProxyAction;

export interface FaultProxy {
  url: string;
  /** Requests that reached the proxy. */
  readonly requests: number;
  /** Faults the proxy injected (meta rewrites count only when a block was there to rewrite). */
  readonly injected: number;
  setPlan(plan: ProxyPlan): void;
  close(): Promise<void>;
}

const HOP_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);

/**
 * A loopback proxy in front of the sandbox. Every `next_page` it passes on points at `trap`, a
 * second origin that must never be asked anything: the connector rebuilds pages on its own
 * origin and never follows Groove's URLs.
 */
export async function startFaultProxy(upstream: string, trap: string): Promise<FaultProxy> {
  let plan: ProxyPlan = () => 'pass';
  let requests = 0;
  let injected = 0;

  const server = http.createServer((request, response) => {
    requests += 1;
    const action = plan(request.method ?? 'GET', (request.url ?? '/').split('?')[0] ?? '/');
    if (action === '429' || action === '429-retry-after' || action === '429-http-date') {
      injected += 1;
      request.resume();
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (action === '429-retry-after') headers['Retry-After'] = String(requests % 3);
      if (action === '429-http-date')
        headers['Retry-After'] = new Date(Date.now() + 2000).toUTCString();
      response.writeHead(429, headers);
      response.end(JSON.stringify({ errors: 'Rate limit exceeded' }));
      return;
    }
    forward(request, response, action);
  });

  function forward(request: IncomingMessage, response: ServerResponse, action: ProxyAction): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const target = new URL(request.url ?? '/', upstream);
      const outgoing = http.request(target, {
        method: request.method,
        headers: { ...request.headers, host: target.host },
        agent: false,
      });
      // The client gave up (its timeout): stop waiting for the sandbox too.
      response.on('close', () => outgoing.destroy());
      outgoing.on('error', () => response.destroy());
      outgoing.on('response', (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => parts.push(chunk));
        answer.on('error', () => response.destroy());
        answer.on('aborted', () => response.destroy());
        answer.on('end', () => {
          if (!answer.complete) return response.destroy();
          const body = Buffer.concat(parts).toString('utf8');
          // An HTML page was never processed: blanking it would fake a success.
          const processed = !String(answer.headers['content-type']).includes('html');
          const { status, text } = rewrite(
            answer.statusCode ?? 502,
            body,
            processed ? action : 'pass',
          );
          const headers: Record<string, string | string[]> = {};
          for (const [name, value] of Object.entries(answer.headers)) {
            if (value !== undefined && !HOP_HEADERS.has(name)) headers[name] = value;
          }
          headers['content-length'] = String(Buffer.byteLength(text));
          response.writeHead(status, headers);
          response.end(text);
        });
      });
      outgoing.end(Buffer.concat(chunks));
    });
  }

  function rewrite(
    status: number,
    body: string,
    action: ProxyAction,
  ): { status: number; text: string } {
    if (action === 'empty-200' && status >= 200 && status < 300) {
      injected += 1;
      return { status: 200, text: '' };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return { status, text: body };
    }
    const pagination = paginationOf(parsed);
    if (pagination === undefined) return { status, text: body };

    if (typeof pagination['next_page'] === 'string') {
      const next = new URL(pagination['next_page']);
      pagination['next_page'] = `${trap}${next.pathname}${next.search}`;
    }
    if (action.startsWith('meta-')) {
      injected += 1;
      mangle(pagination, action, trap);
    }
    return { status, text: JSON.stringify(parsed) };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    get injected() {
      return injected;
    },
    setPlan: (next) => {
      plan = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function paginationOf(body: unknown): Record<string, unknown> | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const meta = (body as { meta?: unknown }).meta;
  if (typeof meta !== 'object' || meta === null) return undefined;
  const pagination = (meta as { pagination?: unknown }).pagination;
  return typeof pagination === 'object' && pagination !== null
    ? (pagination as Record<string, unknown>)
    : undefined;
}

/** Wrong in the ways seen or feared in the wild, never in a way that hides records. */
function mangle(pagination: Record<string, unknown>, action: ProxyAction, trap: string): void {
  const current = Number(pagination['current_page']);
  const totalPages = Number(pagination['total_pages']);
  switch (action) {
    case 'meta-overcount':
      // total_pages over-reports (reference/groove-api.md §6): trailing pages come back empty.
      pagination['total_pages'] = totalPages + 3;
      pagination['total_count'] = Number(pagination['total_count']) + 150;
      if (pagination['next_page'] === null)
        pagination['next_page'] = `${trap}/v1/tickets?page=${current + 1}`;
      return;
    case 'meta-strings':
      for (const name of ['current_page', 'total_pages', 'total_count']) {
        pagination[name] = String(pagination[name]);
      }
      return;
    case 'meta-no-totals':
      delete pagination['total_pages'];
      delete pagination['total_count'];
      return;
    case 'meta-wrong-current':
      pagination['current_page'] = current + 7;
      return;
    case 'meta-next-on-last':
      if (pagination['next_page'] === null)
        pagination['next_page'] = `${trap}/v1/tickets?page=${current + 1}`;
      pagination['total_pages'] = Math.max(totalPages, current + 1);
      return;
    default:
      return;
  }
}

/** A second loopback origin that records every request it gets; the suite expects none. */
export async function startTrap(): Promise<{
  url: string;
  readonly hits: string[];
  close(): Promise<void>;
}> {
  const hits: string[] = [];
  const server = http.createServer((request, response) => {
    hits.push(
      `${request.method ?? '?'} ${request.url ?? ''} auth=${request.headers.authorization === undefined ? 'no' : 'yes'}`,
    );
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end('{"tickets":[],"messages":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
