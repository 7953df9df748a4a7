import type { GrooveClient } from '../client/types';
import { CancelledError } from '../errors';
import type { Logger } from '../logger';
import type { PartialFailures } from './partial-failures';

/** What every part of a read shares: the client, the caller's signal and logger, the tallies. */
export interface ReadContext {
  client: GrooveClient;
  /** The caller's signal, or one that never fires. */
  signal: AbortSignal;
  logger: Logger;
  failures: PartialFailures;
}

/** Stops a read between two steps once the caller's signal has fired. */
export function throwIfCancelled(context: ReadContext): void {
  if (context.signal.aborted) throw new CancelledError('The read was cancelled.');
}
