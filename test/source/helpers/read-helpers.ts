import { createGrooveClient } from '../../../src/client/create-client';
import type { GrooveClient } from '../../../src/client/types';
import type { SourceMessage } from '../../../src/source/messages';
import { read, type ReadOptions } from '../../../src/source/read';
import type { SourceState } from '../../../src/source/state/state';
import { validatorFor } from '../../../src/validation/ajv';
import { credential, manualClock } from '../../client/fixtures';

export { credential, GROOVE } from '../../client/fixtures';

/** A real client (real axios) with no pacing and no retries, on a clock that never waits. */
export function testClient(origin?: string): GrooveClient {
  const target = origin === undefined ? credential : { ...credential, api_base_url: origin };
  return createGrooveClient(target, { requestsPerMinute: 0, maxRetries: 0, clock: manualClock() });
}

export async function collect(messages: AsyncIterable<SourceMessage>): Promise<SourceMessage[]> {
  const all: SourceMessage[] = [];
  for await (const message of messages) all.push(message);
  return all;
}

export async function readAll(
  config: unknown,
  options: ReadOptions & { client: GrooveClient },
): Promise<SourceMessage[]> {
  return collect(read(credential, config, options));
}

export function recordsOf(
  messages: SourceMessage[],
  stream?: string,
): Array<Record<string, unknown>> {
  return messages.flatMap((message) =>
    message.type === 'RECORD' && (stream === undefined || message.stream === stream)
      ? [message.record]
      : [],
  );
}

export function statesOf(messages: SourceMessage[]): SourceState[] {
  return messages.flatMap((message) => (message.type === 'STATE' ? [message.state] : []));
}

export function lastState(messages: SourceMessage[]): SourceState {
  const states = statesOf(messages);
  const last = states[states.length - 1];
  if (last === undefined) throw new Error('the read yielded no STATE message');
  return last;
}

/** Schema errors of a record against its stream's schema; [] when it validates. */
export function schemaErrors(stream: string, record: unknown): unknown[] {
  const validate = validatorFor(`records/${stream}.schema.json`);
  return validate(record) ? [] : (validate.errors ?? []);
}
