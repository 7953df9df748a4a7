import { createGrooveClient } from '../client/create-client';
import type { GrooveClient } from '../client/types';
import { validateCredential } from '../credential/validate-credential';
import { InvalidInputError } from '../errors';
import { quietLogger, type Logger } from '../logger';
import { validateSourceConfig, type SourceConfig } from './config';
import type { SourceMessage } from './messages';
import { PartialFailures } from './partial-failures';
import { planRead } from './plan';
import { throwIfCancelled, type ReadContext } from './read-context';
import { StateStore } from './state/state-store';
import { validateState } from './state/validate-state';

export interface ReadOptions {
  /** The state of the last STATE message of an earlier read; absent for a first read. */
  state?: unknown;
  /** Stops the read: the iterator then throws CancelledError. */
  signal?: AbortSignal;
  logger?: Logger;
  /** A client of one's own (tests, benchmarks); by default one is made from the credential. */
  client?: GrooveClient;
}

/**
 * Reads the configured streams out of Groove as an async iterable of RECORD, STATE and LOG
 * messages (DESIGN.md "Host contract").
 *
 * The credential, the config and the state are checked when read() is called: a bad one
 * throws InvalidInputError naming the field, before anything is sent. Records are fetched a
 * page at a time as the caller pulls them, so a slow consumer holds back the requests and
 * memory stays flat. When `signal` fires, the next step throws CancelledError; the last STATE
 * yielded before it is where to resume.
 */
export function read(
  credential: unknown,
  sourceConfig: unknown,
  options: ReadOptions = {},
): AsyncGenerator<SourceMessage> {
  const checked = validateCredential(credential);
  if (!checked.ok) throw new InvalidInputError('credential', checked.errors);
  const config = validateSourceConfig(sourceConfig);
  const state = validateState(options.state);
  const logger = options.logger ?? quietLogger;

  const client =
    options.client ??
    createGrooveClient(checked.credential, {
      requestsPerMinute: config.requests_per_minute,
      logger,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  const context: ReadContext = {
    client,
    signal: options.signal ?? new AbortController().signal,
    logger,
    failures: new PartialFailures(),
  };
  return readStreams(context, config, new StateStore(state));
}

async function* readStreams(
  context: ReadContext,
  config: SourceConfig,
  store: StateStore,
): AsyncGenerator<SourceMessage> {
  for (const unit of planRead(config)) {
    // Finished before this read was stopped: reading it again would repeat it (a full refresh).
    if (unit.streams.every((stream) => store.get(stream)?.done === true)) continue;
    throwIfCancelled(context);
    context.logger.info('Reading streams', { streams: unit.streams.join(',') });
    yield* unit.run(context, store);
    for (const stream of unit.streams) store.markDone(stream);
    yield { type: 'STATE', state: store.snapshot() };
  }

  const summary = context.failures.summary();
  if (summary !== undefined) yield summary;
  yield { type: 'STATE', state: store.finalSnapshot() };
}
