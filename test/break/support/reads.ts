import { createGrooveClient } from '../../../src/client/create-client';
import type { GrooveClient } from '../../../src/client/types';
import type { Credential } from '../../../src/credential/validate-credential';
import type { LogFields, Logger } from '../../../src/logger';
import type { SourceMessage } from '../../../src/source/messages';
import { read } from '../../../src/source/read';
import type { SourceState } from '../../../src/source/state/state';
import { skippingClock } from './clock';
import type { LeakScanner } from './leak-scanner';
import type { SeededRandom } from './random';

/** Short enough that an answer that never comes costs little; long enough for a loaded box. */
export const BREAK_TIMEOUT_MS = 300;
/** More retries than faults a seed can put in a row. */
export const BREAK_MAX_RETRIES = 8;

export function breakCredential(apiKey: string, origin: string): Credential {
  return { credential_name: 'Break suite', api_key: apiKey, api_base_url: origin };
}

/** Scans every line, and counts the retries that followed a timeout. */
export function scanningLogger(scanner: LeakScanner): Logger & { timeoutRetries(): number } {
  const inner = scanner.logger();
  let timeouts = 0;
  return {
    ...inner,
    warn: (message: string, fields?: LogFields) => {
      if (message === 'Retrying Groove request' && fields?.['reason'] === 'timeout') timeouts += 1;
      inner.warn(message, fields);
    },
    timeoutRetries: () => timeouts,
  };
}

/** The real client, as a host would get it, with the suite's short timeout and skipped waits. */
export function breakClient(
  credential: Credential,
  random: SeededRandom,
  logger: Logger,
): GrooveClient {
  return createGrooveClient(credential, {
    requestsPerMinute: 0,
    timeoutMs: BREAK_TIMEOUT_MS,
    maxRetries: BREAK_MAX_RETRIES,
    clock: skippingClock(),
    random: () => random.next(),
    logger,
  });
}

export interface ReadRun {
  messages: SourceMessage[];
  error: unknown;
}

/**
 * Runs one read to its end (or to `abortAfter` messages or the one `abortWhen` names, when the
 * signal is fired, after which the read goes on to its next step and throws there), scanning
 * every message and whatever it throws.
 */
export async function runRead(
  credential: Credential,
  config: unknown,
  options: {
    client: GrooveClient;
    logger: Logger;
    scanner: LeakScanner;
    state?: SourceState;
    abortAfter?: number;
    /** Fires the signal when this says so of a message (on top of `abortAfter`). */
    abortWhen?: (message: SourceMessage) => boolean;
  },
): Promise<ReadRun> {
  const controller = new AbortController();
  const messages: SourceMessage[] = [];
  let error: unknown;
  try {
    const iterator = read(credential, config, {
      client: options.client,
      logger: options.logger,
      signal: controller.signal,
      ...(options.state === undefined ? {} : { state: options.state }),
    });
    for await (const message of iterator) {
      messages.push(message);
      options.scanner.value('read message', message);
      if (messages.length === options.abortAfter || options.abortWhen?.(message) === true) {
        controller.abort();
      }
    }
  } catch (caught) {
    error = caught;
    options.scanner.thrown('read error', caught);
  }
  return { messages, error };
}

export function recordsOf(
  messages: readonly SourceMessage[],
  stream: string,
): Array<Record<string, unknown>> {
  return messages.flatMap((message) =>
    message.type === 'RECORD' && message.stream === stream ? [message.record] : [],
  );
}

export function lastStateOf(messages: readonly SourceMessage[]): SourceState | undefined {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    const message = messages[index];
    if (message?.type === 'STATE') return message.state;
  }
  return undefined;
}

/** The messages up to and including the last STATE: what a host has committed. */
export function committed(messages: readonly SourceMessage[]): SourceMessage[] {
  let end = 0;
  messages.forEach((message, index) => {
    if (message.type === 'STATE') end = index + 1;
  });
  return messages.slice(0, end);
}
