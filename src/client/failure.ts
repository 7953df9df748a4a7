import type { ResponseHeaders } from './rate-limit-headers';

/**
 * What went wrong with one attempt, described with allow-listed facts only: never an axios
 * error, its config or the request headers. The retry policy and the error factory both read it.
 */
export type Failure =
  /** Groove answered with a status outside 2xx (a 3xx included: redirects are never followed). */
  | { kind: 'status'; status: number; body: string; headers: ResponseHeaders }
  /** Groove answered 2xx with a body that is not JSON (an HTML error page, a cut-off body). */
  | { kind: 'malformed'; status: number | undefined }
  /** The connection failed; `sent` is false only when it never opened, so Groove saw nothing. */
  | { kind: 'network'; code: string; sent: boolean }
  | { kind: 'timeout' }
  /** The caller's signal fired; `inFlight` when the request may already have reached Groove. */
  | { kind: 'cancelled'; inFlight: boolean }
  /** The pacer would have to wait longer than the cap (after a 429 or an exhausted budget). */
  | { kind: 'paced_too_long'; waitMs: number };

// Errors raised before a connection exists: the request cannot have reached Groove.
const NEVER_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

export function networkFailure(code: string): Failure {
  return { kind: 'network', code, sent: !NEVER_CONNECTED.has(code) };
}

/** A short label for logs: the status or the error code, never a body. */
export function describeFailure(failure: Failure): string {
  switch (failure.kind) {
    case 'status':
      return `HTTP ${failure.status}`;
    case 'malformed':
      return `malformed HTTP ${failure.status ?? 'answer'}`;
    case 'network':
      return failure.code;
    default:
      return failure.kind;
  }
}
