import axios, { type AxiosResponse } from 'axios';
import { networkFailure, type Failure } from './failure';
import type { ResponseHeaders } from './rate-limit-headers';
import type { HttpMethod } from './types';
import { userAgent } from './user-agent';

// Bounds memory per answer; a Groove page of 50 tickets is a few hundred kilobytes.
const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
// Enough of an error body to read Groove's messages from; the rest is never needed.
const MAX_ERROR_BODY_CHARS = 8 * 1024;

export type Attempt =
  | { ok: true; status: number; data: unknown; headers: ResponseHeaders }
  | { ok: false; failure: Failure; headers: ResponseHeaders };

export interface Transport {
  /** Sends one attempt to `/v1<target>` on the pinned origin. Never throws. */
  send(method: HttpMethod, target: string, body: unknown, signal: AbortSignal): Promise<Attempt>;
}

/**
 * The one place that touches axios. Whatever axios returns or throws is turned into an Attempt
 * here, keeping only allow-listed facts, so no axios error, config or header leaves this file.
 */
export function createTransport(origin: string, apiKey: string, timeoutMs: number): Transport {
  const http = axios.create({
    adapter: 'http',
    baseURL: `${origin}/v1`,
    allowAbsoluteUrls: false,
    headers: {
      Authorization: `Bearer ${apiKey}`,
      Accept: 'application/json',
      'User-Agent': userAgent(),
    },
    timeout: timeoutMs,
    transitional: { clarifyTimeoutError: true },
    // A redirect would carry the key to wherever it points: never follow one (a 3xx is a failure).
    maxRedirects: 0,
    // An environment proxy would see the request, key included; the key goes to Groove only.
    proxy: false,
    maxContentLength: MAX_RESPONSE_BYTES,
    responseType: 'text',
    responseEncoding: 'utf8',
    transformResponse: [(data: unknown) => data],
    // Every status comes back as a response; the client classifies it, not axios.
    validateStatus: () => true,
  });

  return {
    async send(method, target, body, signal) {
      let response: AxiosResponse<unknown>;
      try {
        response = await http.request({
          method,
          url: target,
          signal,
          ...(body === undefined
            ? {}
            : {
                data: Buffer.from(JSON.stringify(body), 'utf8'),
                headers: { 'Content-Type': 'application/json; charset=utf-8' },
              }),
        });
      } catch (error) {
        return { ok: false, failure: failureFromThrown(error, signal), headers: {} };
      }

      const headers = plainHeaders(response.headers);
      const text = typeof response.data === 'string' ? response.data : '';
      if (response.status < 200 || response.status >= 300) {
        const failure: Failure = {
          kind: 'status',
          status: response.status,
          body: text.slice(0, MAX_ERROR_BODY_CHARS),
          headers,
        };
        return { ok: false, failure, headers };
      }

      const parsed = parseJsonBody(text);
      if (!parsed.ok)
        return { ok: false, failure: { kind: 'malformed', status: response.status }, headers };
      return { ok: true, status: response.status, data: parsed.value, headers };
    },
  };
}

/** Empty (or blank) means null: Groove answers some calls with no body (groove-api.md §8). */
function parseJsonBody(text: string): { ok: true; value: unknown } | { ok: false } {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(trimmed) as unknown };
  } catch {
    return { ok: false };
  }
}

function failureFromThrown(error: unknown, signal: AbortSignal): Failure {
  if (signal.aborted || axios.isCancel(error)) return { kind: 'cancelled', inFlight: true };
  if (!axios.isAxiosError(error)) return networkFailure('UNKNOWN');

  const code = error.code ?? codeOfCause(error.cause);
  if (code === 'ETIMEDOUT') return { kind: 'timeout' };
  // Over the size cap, or the body cut off mid-way: Groove did answer, but unusably.
  if (code === 'ERR_BAD_RESPONSE') return { kind: 'malformed', status: error.response?.status };

  // Only a code shaped like a system error code is kept; anything else is "unknown".
  return networkFailure(code !== undefined && /^E[A-Z0-9_]+$/.test(code) ? code : 'UNKNOWN');
}

function codeOfCause(cause: unknown): string | undefined {
  if (typeof cause !== 'object' || cause === null) return undefined;
  const code = (cause as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function plainHeaders(headers: AxiosResponse['headers']): ResponseHeaders {
  const plain: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (typeof value === 'string') plain[name.toLowerCase()] = value;
    else if (Array.isArray(value)) plain[name.toLowerCase()] = value.join(', ');
    else if (typeof value === 'number') plain[name.toLowerCase()] = String(value);
  }
  return plain;
}
