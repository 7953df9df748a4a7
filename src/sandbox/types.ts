import type { Logger } from '../logger';

/** A JSON value as the sandbox serves it. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Fixed latency, or a range drawn per request from the seeded generator. */
export type Latency = number | { min: number; max: number };

export type FaultKind =
  | '500'
  | '502'
  | '503'
  | 'reset-before'
  | 'reset-after'
  | 'hang'
  | 'malformed'
  | 'html'
  | 'html-200'
  | 'shuffle';

/**
 * One kind of fault, applied to a fraction of the requests it matches.
 * - 500/502/503: a JSON error answer; the request is not processed.
 * - reset-before: the connection is destroyed before the request is processed.
 * - reset-after: the request IS processed (a write happens), then the connection is destroyed.
 * - hang: never answered, until the client gives up or the sandbox closes.
 * - malformed: processed, then answered with its status and a truncated JSON body.
 * - html: a proxy's 502 HTML page; html-200: a 200 with an HTML page. Neither is processed.
 * - shuffle: before a ticket list is served, one ticket gets a customer reply, so it moves to
 *   the front of the newest-activity-first order (pages shift under a paging client).
 */
export interface FaultRule {
  kind: FaultKind;
  /** Fraction of matching requests, 0..1 (1 = every one). */
  rate: number;
  /** Only this HTTP method. */
  method?: string;
  /** Only paths (with /v1, no query) starting with this text, or matching this expression. */
  path?: string | RegExp;
  /** Only the first N requests this rule faults; then it stops. */
  times?: number;
}

export interface FaultSpec {
  latencyMs?: Latency;
  rules?: FaultRule[];
}

export interface SandboxOptions {
  /** 0 (default) picks a free port. The sandbox always listens on 127.0.0.1. */
  port?: number;
  /** Same seed, same data and same faults for the same requests. Default 1. */
  seed?: number;
  /** Number of seeded tickets. Default 500; up to 4,000,000. */
  tickets?: number;
  /** Number of seeded customers. Default: a fifth of the tickets, at least 20. */
  customers?: number;
  /** Requests per minute per token; 0 (default) = no limit. */
  rateLimitPerMinute?: number;
  /** Send X-RateLimit-Limit/Remaining/Reset with every limited answer. Default false. */
  rateLimitHeaders?: boolean;
  /** Added to every request. */
  latencyMs?: Latency;
  faults?: FaultSpec;
  /** The newest log entries kept (older ones are dropped). Default 10,000. */
  logLimit?: number;
  /** Milliseconds since the epoch; tests inject one to step the rate-limit window and dates. */
  clock?: () => number;
  /** Debug lines per request (method, path, status); never tokens or bodies. */
  logger?: Logger;
}

export type TokenKind = 'admin' | 'agent' | 'expired' | 'revoked' | 'unknown' | 'none';

export interface SandboxTokens {
  admin: string;
  agent: string;
  expired: string;
  revoked: string;
}

/** One request as the sandbox saw it. Token values never appear in it. */
export interface RequestLogEntry {
  seq: number;
  method: string;
  /** Path without the query, e.g. /v1/tickets/12/messages. */
  path: string;
  /** Query parameters, any token value replaced by [redacted]. */
  query: Record<string, string>;
  /** The status sent, or null when no answer was sent (reset, hang). */
  status: number | null;
  auth: 'header' | 'query' | 'none';
  token: TokenKind;
  fault: FaultKind | null;
  at: string;
}
