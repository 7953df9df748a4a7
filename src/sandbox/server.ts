import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { quietLogger } from '../logger';
import { Account } from './account';
import { driftTicket } from './account-writes';
import { identify, makeTokens, redactTokens, rejection } from './auth';
import { SandboxData } from './data-view';
import { FaultInjector } from './faults';
import { failure, type Reply, type RequestContext } from './http-kit';
import { buildKnowledgeBases, buildWidgets } from './knowledge-base';
import { RateLimiter } from './rate-limit';
import { readBody, type RequestBody } from './request-body';
import { RequestLog } from './request-log';
import { send, sendHtml, sendTruncated, SERVER_ERRORS } from './responses';
import { findRoute } from './router';
import { resolveOptions } from './options';
import type { FaultSpec, RequestLogEntry, SandboxOptions, SandboxTokens } from './types';

export interface Sandbox {
  /** The origin, e.g. http://127.0.0.1:41234; clients append /v1. */
  url: string;
  tokens: SandboxTokens;
  /** The newest requests (see SandboxOptions.logLimit), oldest first. */
  readonly log: readonly RequestLogEntry[];
  /** Requests seen since start, including those no longer in `log`. */
  readonly requestCount: number;
  /** Replaces the faults at run time; their counters start again. */
  setFaults(spec: FaultSpec): void;
  /** Requests per minute per token; 0 turns the limit off. */
  setRateLimit(perMinute: number): void;
  clearLog(): void;
  /** What the sandbox serves, for tests and benchmarks to compare against. */
  data: SandboxData;
  /** Stops listening and ends every open connection, hanging ones included. */
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const settings = resolveOptions(options);
  const logger = options.logger ?? quietLogger;
  const account = new Account(settings.seed, settings);
  const knowledgeBases = buildKnowledgeBases(settings.seed);
  const widgets = buildWidgets(settings.seed);
  const tokens = makeTokens();
  const limiter = new RateLimiter(settings.rateLimitPerMinute, settings.clock);
  const faults = new FaultInjector(settings.seed, options.latencyMs, options.faults);
  const log = new RequestLog(settings.logLimit);
  const timers = new Set<NodeJS.Timeout>();
  let origin = '';
  let sequence = 0;
  let drifts = 0;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    const identity = identify(request.headers, url.searchParams, tokens);
    const method = request.method ?? 'GET';
    const entry: RequestLogEntry = {
      seq: ++sequence,
      method,
      path: redactTokens(url.pathname, tokens),
      query: Object.fromEntries(
        [...url.searchParams].map(([name, value]) => [
          name,
          name === 'access_token' ? '[redacted]' : redactTokens(value, tokens),
        ]),
      ),
      status: null,
      auth: identity.auth,
      token: identity.token,
      fault: null,
      at: new Date(settings.clock()).toISOString(),
    };
    log.add(entry);
    response.on('finish', () => {
      entry.status = response.statusCode;
      logger.debug('sandbox request', {
        method,
        path: entry.path,
        status: entry.status,
        fault: entry.fault,
      });
    });

    const body = await readBody(request);
    const decision = faults.decide(method, url.pathname);
    if (decision.delayMs > 0) await wait(decision.delayMs);
    if (response.destroyed) return;
    entry.fault = decision.fault ?? (decision.shuffle ? 'shuffle' : null);

    switch (decision.fault) {
      case 'reset-before':
        request.socket.destroy();
        return;
      case 'hang':
        return;
      case '500':
      case '502':
      case '503':
        return send(response, failure(Number(decision.fault), SERVER_ERRORS[decision.fault]), {});
      case 'html':
        return sendHtml(response, 502);
      case 'html-200':
        return sendHtml(response, 200);
      default:
        break;
    }
    if (decision.shuffle) {
      driftTicket(account, drifts++, Math.floor(settings.clock() / 1000));
    }

    const { reply, headers } = answer(request, url, identity.token, body);
    if (decision.fault === 'reset-after') {
      request.socket.destroy();
      return;
    }
    if (decision.fault === 'malformed') return sendTruncated(response, reply);
    send(response, reply, headers);
  }

  function answer(
    request: IncomingMessage,
    url: URL,
    token: RequestLogEntry['token'],
    body: RequestBody,
  ): { reply: Reply; headers: Record<string, string> } {
    const headers: Record<string, string> = {};
    const refusal = rejection(token);
    if (refusal !== undefined) return { reply: failure(401, refusal), headers };

    const rate = limiter.check(token);
    if (rate !== undefined && settings.rateLimitHeaders) {
      headers['X-RateLimit-Limit'] = String(rate.limit);
      headers['X-RateLimit-Remaining'] = String(rate.remaining);
      headers['X-RateLimit-Reset'] = String(rate.resetAt);
    }
    if (rate !== undefined && !rate.allowed) {
      headers['Retry-After'] = String(rate.retryAfter);
      return { reply: failure(429, 'Rate limit exceeded'), headers };
    }

    const segments = decodeSegments(url.pathname);
    const found = segments === undefined ? undefined : findRoute(request.method ?? 'GET', segments);
    if (found === undefined) return { reply: failure(404, 'Not found'), headers };
    if (found.route.admin && token !== 'admin') {
      return { reply: failure(403, 'This resource needs an admin API token'), headers };
    }
    if (body.kind === 'invalid') return { reply: failure(400, body.message), headers };

    const actor = token === 'admin' ? account.directory.owner : account.directory.agents[1];
    const query = new URLSearchParams(url.searchParams);
    query.delete('access_token');
    const context: RequestContext = {
      method: request.method ?? 'GET',
      segments: segments ?? [],
      path: url.pathname,
      query,
      body: body.kind === 'parsed' ? body.value : undefined,
      origin,
      actor: actor ?? account.directory.owner,
      nowSeconds: Math.floor(settings.clock() / 1000),
      account,
      knowledgeBases,
      widgets,
    };
    return { reply: found.route.handle(context, found.params), headers };
  }

  function wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      logger.error('sandbox handler failed', {
        error: error instanceof Error ? error.name : 'unknown',
      });
      if (!response.headersSent && !response.destroyed)
        send(response, failure(500, 'Internal Server Error'), {});
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: origin,
    tokens,
    get log() {
      return log.all;
    },
    get requestCount() {
      return log.count;
    },
    setFaults: (spec) => faults.set(spec),
    setRateLimit: (perMinute) => limiter.setLimit(perMinute),
    clearLog: () => log.clear(),
    data: new SandboxData(account, knowledgeBases, widgets, origin),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Path segments after /v1, decoded; undefined when the path is not under /v1 or is bad. */
function decodeSegments(pathname: string): string[] | undefined {
  const parts = pathname.split('/').slice(1);
  if (parts[0] !== 'v1') return undefined;
  try {
    return parts.slice(1).map((part) => decodeURIComponent(part));
  } catch {
    return undefined;
  }
}
