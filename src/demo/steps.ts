import type { Credential } from '../credential/validate-credential';
import type { Logger } from '../logger';
import type { CreatedResult, UpdatedResult, WriteResult } from '../destination/results';
import { write } from '../destination/write';
import { read } from '../source/read';
import type { SourceState } from '../source/state/state';

/** What one read of the demo brought back. */
export interface ReadOutcome {
  records: Map<string, Array<Record<string, unknown>>>;
  state: SourceState | undefined;
  warnings: string[];
}

/**
 * Reads `streams` incrementally from `state`, keeping every record: the demo's account is small
 * enough to hold, and it shows what changed. A host or the CLI streams records instead.
 */
export async function readStreams(
  credential: Credential,
  streams: readonly string[],
  state: SourceState | undefined,
  options: { signal: AbortSignal; logger: Logger },
): Promise<ReadOutcome> {
  // No pace ceiling: the sandbox has no rate limit unless asked for one.
  const config = {
    streams: streams.map((name) => ({ name })),
    sync_mode: 'incremental',
    requests_per_minute: 0,
  };
  const outcome: ReadOutcome = {
    records: new Map(streams.map((name) => [name, []])),
    state,
    warnings: [],
  };

  for await (const message of read(credential, config, { ...options, state })) {
    if (message.type === 'RECORD') outcome.records.get(message.stream)?.push(message.record);
    else if (message.type === 'STATE') outcome.state = message.state;
    else if (message.level === 'warn' || message.level === 'error')
      outcome.warnings.push(message.message);
  }
  return outcome;
}

/** Writes one record with one operation and returns its result (write() yields one per record). */
export async function writeOne(
  credential: Credential,
  operation: string,
  record: Record<string, unknown>,
  options: { signal: AbortSignal; logger: Logger },
): Promise<CreatedResult | UpdatedResult> {
  const config = { operation, requests_per_minute: 0 };
  let result: WriteResult | undefined;

  for await (const message of write(credential, config, [record], options)) {
    if (message.type === 'result') result = message;
  }
  if (result === undefined) throw new Error(`write() gave no result for the ${operation} record`);
  if (result.status === 'created' || result.status === 'updated') return result;

  const reason =
    result.status === 'failed' || result.status === 'unknown'
      ? result.error.message
      : result.status;
  throw new Error(`The demo's ${operation} record was not written: ${reason}`);
}
