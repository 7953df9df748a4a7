import { runScenario } from './child';
import type { SandboxProcess } from './sandbox-process';
import type { RequestTally } from './sandbox-protocol';
import type { BaselineReadInput, BaselineVariant, ReadResult } from '../scenarios/baseline-read';
import type { ConnectorReadInput, ConnectorReadResult } from '../scenarios/connector-read';

/** A client run, with the requests the sandbox saw it make. */
export interface Tallied<R> {
  result: R;
  requests: RequestTally;
}

const READ_TIMEOUT_MS = 15 * 60_000;

/** Counts what the sandbox answered while `run` ran: its own log is the referee, not the client. */
export async function tallied<R>(
  sandbox: SandboxProcess,
  run: () => Promise<R>,
): Promise<Tallied<R>> {
  const { seq } = await sandbox.send({ command: 'mark' });
  const result = await run();
  const requests = await sandbox.send({ command: 'tally', sinceSeq: seq });
  return { result, requests };
}

/** `url` reads from elsewhere than the sandbox itself (its replay server). */
export function connectorRead(
  sandbox: SandboxProcess,
  input: Omit<ConnectorReadInput, 'url' | 'apiKey'>,
  url = sandbox.url,
): Promise<Tallied<ConnectorReadResult>> {
  const full: ConnectorReadInput = { ...input, url, apiKey: sandbox.adminToken };
  return tallied(sandbox, () =>
    runScenario<ConnectorReadInput, ConnectorReadResult>(
      'scenarios/connector-read',
      full,
      READ_TIMEOUT_MS,
      nodeFlagsFor(input),
    ),
  );
}

export function baselineRead(
  sandbox: SandboxProcess,
  variant: BaselineVariant,
  input: Omit<BaselineReadInput, 'url' | 'apiKey' | 'variant'>,
  url = sandbox.url,
): Promise<Tallied<ReadResult>> {
  const full: BaselineReadInput = { ...input, variant, url, apiKey: sandbox.adminToken };
  return tallied(sandbox, () =>
    runScenario<BaselineReadInput, ReadResult>(
      'scenarios/baseline-read',
      full,
      READ_TIMEOUT_MS,
      nodeFlagsFor(input),
    ),
  );
}

/** A read that measures the heap it holds forces collections, which node allows on request. */
function nodeFlagsFor(input: { retainedEvery?: number }): string[] {
  return input.retainedEvery === undefined ? [] : ['--expose-gc'];
}

/** The source form for tickets (and messages), with the pace ceiling given. */
export function sourceConfig(
  streams: readonly ('tickets' | 'messages')[],
  syncMode: 'full_refresh' | 'incremental',
  requestsPerMinute: number,
): Record<string, unknown> {
  return {
    streams: streams.map((name) => ({ name })),
    sync_mode: syncMode,
    requests_per_minute: requestsPerMinute,
  };
}
