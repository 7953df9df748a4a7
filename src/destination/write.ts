import { createGrooveClient } from '../client/create-client';
import type { GrooveClient } from '../client/types';
import { validateCredential } from '../credential/validate-credential';
import {
  CancelledError,
  InvalidInputError,
  type ErrorCode,
  type GrooveConnectorError,
} from '../errors';
import { quietLogger, type Logger } from '../logger';
import { redact } from '../secrets';
import { validateDestinationConfig, type DestinationSettings } from './config';
import { inOrder } from './in-order';
import { prepareRecord, type PreparedRecord } from './prepare-record';
import type { WriteMessage, WriteResult } from './results';
import { describeError, sendRecord } from './send-record';
import { Tally } from './tally';

export interface WriteOptions {
  /** Cancels the write: no record is taken after it fires, and the request in flight stops. */
  signal?: AbortSignal;
  logger?: Logger;
  /** Validate and map every record and yield the requests it would send, sending none. */
  dryRun?: boolean;
  /** The client to send through; by default one is made from the credential and the form. */
  client?: GrooveClient;
}

/** Errors that hold for every record alike: going on would only repeat them. */
const STOPS_THE_WRITE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'authentication_failed',
  'permission_denied',
  'cancelled',
]);

/**
 * Writes records into Groove, one operation per flow, and yields one result per record in input
 * order, then a summary. The credential and the form are checked first (InvalidInputError,
 * nothing sent). A bad record is reported and skipped unless the form says stop. A refused key
 * (401/403) or a cancel ends the write early: the summary says where, and the typed error is
 * thrown after it. A create is never sent twice.
 */
export async function* write(
  credential: unknown,
  destinationConfig: unknown,
  records: AsyncIterable<unknown> | Iterable<unknown>,
  options: WriteOptions = {},
): AsyncGenerator<WriteMessage, void, undefined> {
  const { signal, logger = quietLogger, dryRun = false } = options;
  // A dry run that is not exactly `true` must not quietly become a real one (0, null, "yes").
  if (typeof dryRun !== 'boolean') {
    const issues = [{ field: 'dryRun', label: 'dryRun', message: 'dryRun must be true or false.' }];
    throw new InvalidInputError('write options', issues);
  }
  const checked = validateCredential(credential);
  if (!checked.ok) throw new InvalidInputError('credential', checked.errors);
  const settings = validateDestinationConfig(destinationConfig);
  assertIterable(records);
  if (signal?.aborted === true)
    throw new CancelledError('The write was cancelled before it began.');

  const client = dryRun
    ? undefined
    : (options.client ??
      createGrooveClient(checked.credential, {
        requestsPerMinute: settings.requests_per_minute,
        logger,
        ...(signal === undefined ? {} : { signal }),
      }));
  const requestsBefore = client?.stats.requests ?? 0;
  const operation = settings.operation.name;
  const tally = new Tally(operation, dryRun);
  let stop: { index: number; error: GrooveConnectorError } | undefined;
  logger.info('Groove write started', { operation, dry_run: dryRun });

  const handle = async (record: unknown, index: number): Promise<WriteResult> => {
    const prepared = prepareSafely(record, settings);
    if (!prepared.ok) {
      // The result carries the index; hosts and the CLI count records their own way (lines).
      const error = new InvalidInputError('record', prepared.issues);
      if (settings.on_invalid_record === 'stop') stop ??= { index, error };
      return { type: 'result', index, operation, status: 'failed', error: describeError(error) };
    }

    if (client === undefined) {
      const { method, path, body } = prepared.request;
      return {
        type: 'result',
        index,
        operation,
        status: 'dry_run',
        request: { method, path, body },
      };
    }

    const context = { client, operation: settings.operation, index, signal };
    const sent = await sendRecord(context, prepared.input, prepared.request);
    if (sent.error !== undefined && STOPS_THE_WRITE.has(sent.error.code)) {
      stop ??= { index, error: sent.error };
    }
    return sent.result;
  };
  const stopTaking = (): boolean => stop !== undefined || isAborted(signal);

  const inputFailed = (error: unknown, taken: number): void => {
    const reason = redact(describeThrown(error), [checked.credential.api_key]);
    const message = `Reading the records failed after ${taken} record(s) (${reason}); later records were not taken.`;
    const issues = [{ field: 'records', label: 'Records', message }];
    stop ??= { index: taken, error: new InvalidInputError('records', issues) };
  };

  for await (const result of inOrder(
    records,
    settings.concurrency,
    handle,
    stopTaking,
    inputFailed,
  )) {
    tally.add(result);
    logResult(logger, result);
    yield result;
  }

  if (stop === undefined && isAborted(signal)) {
    const error = new CancelledError('The write was cancelled; later records were not taken.');
    stop = { index: tally.records - 1, error };
  }
  const requests = (client?.stats.requests ?? 0) - requestsBefore;
  const summary = tally.summary(requests, stop);
  logger.info('Groove write finished', { operation, ...summary.counts, requests });
  yield summary;
  if (stop !== undefined) throw stop.error;
}

// A function, not an inline check: the signal can fire while the write awaits.
function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function logResult(logger: Logger, result: WriteResult): void {
  if (result.status !== 'failed' && result.status !== 'unknown') return;
  const fields = { index: result.index, operation: result.operation, code: result.error.code };
  if (result.status === 'unknown') logger.warn('Groove write outcome unknown', fields);
  else logger.warn('Groove write failed', fields);
}

export type { DestinationSettings };

/** Hosts pass records as any (async) iterable; anything else is their mistake, named as such. */
function assertIterable(records: unknown): asserts records is Iterable<unknown> {
  const iterable =
    typeof records === 'object' &&
    records !== null &&
    (Symbol.asyncIterator in records || Symbol.iterator in records);
  if (iterable) return;
  const message = 'Records must be an iterable or an async iterable of record objects.';
  throw new InvalidInputError('write call', [{ field: 'records', label: 'Records', message }]);
}

/** Maps and validates a record whose fields may throw when read (getters, proxies). */
function prepareSafely(record: unknown, settings: DestinationSettings): PreparedRecord {
  try {
    return prepareRecord(record, settings);
  } catch (error) {
    const message = `The record could not be read (${describeThrown(error)}).`;
    return { ok: false, issues: [{ field: '(root)', label: 'Record', message }] };
  }
}

/** A host's own error, named briefly: its class and the start of its message. */
function describeThrown(error: unknown): string {
  if (!(error instanceof Error)) return 'a value that is not an Error was thrown';
  return `${error.name}: ${error.message.slice(0, 200)}`;
}
