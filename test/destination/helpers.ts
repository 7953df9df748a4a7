import type { Clock } from '../../src/client/clock';
import { createGrooveClient } from '../../src/client/create-client';
import type { ClientOptions, GrooveClient } from '../../src/client/types';
import type { Credential } from '../../src/credential/validate-credential';
import type { WriteResult, WriteSummary, WriteMessage } from '../../src/destination/results';

export const GROOVE = 'https://api.groovehq.com';
export const API_KEY = 'd7e1b0c4a9f84e2bb3c6d5e4f3a2b1c0';

export const credential: Credential = {
  credential_name: 'Support desk writer',
  api_key: API_KEY,
  api_base_url: GROOVE,
};

/** Everything a write yielded, split into results and summary, and what it threw at the end. */
export interface Collected {
  results: WriteResult[];
  summary: WriteSummary | undefined;
  error: unknown;
}

export async function collect(messages: AsyncIterable<WriteMessage>): Promise<Collected> {
  const results: WriteResult[] = [];
  let summary: WriteSummary | undefined;
  let error: unknown;
  try {
    for await (const message of messages) {
      if (message.type === 'summary') summary = message;
      else results.push(message);
    }
  } catch (caught) {
    error = caught;
  }
  return { results, summary, error };
}

/** Records handed over one by one, as a host's async source would. */
export async function* stream<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

/** A clock whose sleeps return at once, so retries and Retry-After cost no real time. */
export function instantClock(): Clock {
  let now = Date.UTC(2026, 11, 3, 12, 0, 0);
  return {
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted === true) throw signal.reason;
      now += ms;
    },
  };
}

/** The real client on an instant clock: no pacing, two retries, a short timeout. */
export function testClient(options: ClientOptions = {}): GrooveClient {
  return createGrooveClient(credential, {
    clock: instantClock(),
    requestsPerMinute: 0,
    maxRetries: 2,
    timeoutMs: 2_000,
    random: () => 0.5,
    ...options,
  });
}

/** A socket error as Node raises it, for nock's replyWithError. */
export function socketError(code: string): Error & { code: string } {
  return Object.assign(new Error(`socket ${code}`), { code });
}
