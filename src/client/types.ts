import type { Logger } from '../logger';
import type { Clock } from './clock';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One request to Groove REST v1, described without any secret or origin. */
export interface GrooveRequest {
  method: HttpMethod;
  /** Path under `/v1`, starting with `/`, segments already encoded, e.g. `/tickets/12/state`. */
  path: string;
  /** Query parameters; undefined values are left out. Never carries the key. */
  query?: Readonly<Record<string, string | number | undefined>>;
  /** JSON body, sent as UTF-8. */
  body?: unknown;
  /**
   * Whether sending it twice leaves Groove as sending it once: by default GET and PUT are, POST
   * and DELETE are not. A request that is not is never retried once Groove may have acted, and
   * such a failure is OutcomeUnknownError.
   */
  repeatable?: boolean;
  /** What the request is about, for error messages, e.g. "ticket 12" or "customer a@b.c". */
  subject?: string;
  /** Cancels this request (and any wait before it). */
  signal?: AbortSignal;
}

/** A successful answer. `data` is the parsed JSON body, or null when the body was empty. */
export interface GrooveResponse<T> {
  status: number;
  data: T;
  /** Response headers, names lower-cased. */
  headers: Readonly<Record<string, string>>;
}

/** Counters a caller can read to report cost (requests are what Groove rate-limits). */
export interface ClientStats {
  /** HTTP requests sent, retries included. */
  requests: number;
  retries: number;
  /** 429 answers received. */
  rateLimited: number;
  /** Milliseconds spent waiting by the pacer and before retries. */
  waitedMs: number;
}

export interface ClientOptions {
  /** Pace ceiling in requests per minute; 0 means no client-side ceiling. */
  requestsPerMinute?: number;
  /** Per-request timeout in milliseconds. */
  timeoutMs?: number;
  /** Retries after the first attempt, for requests that are safe to repeat. */
  maxRetries?: number;
  /** Longest single wait (Retry-After or backoff) before giving up with RateLimitedError. */
  maxWaitMs?: number;
  /** Cancels every request made through this client. */
  signal?: AbortSignal;
  logger?: Logger;
  /** Time source for pacing and waits; tests inject one to run without real waits. */
  clock?: Clock;
  /** Random numbers in [0, 1) for backoff jitter; injectable for repeatable tests. */
  random?: () => number;
}

/**
 * The only way the connector talks to Groove. Every failure is a GrooveConnectorError from
 * `src/errors.ts`; nothing from axios leaves it.
 */
export interface GrooveClient {
  request<T>(request: GrooveRequest): Promise<GrooveResponse<T>>;
  readonly stats: Readonly<ClientStats>;
}
