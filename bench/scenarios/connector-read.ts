import { runUntil } from '../lib/deadline';
import { requireDist } from '../lib/paths';
import { startProbe } from '../lib/probe';
import { scenarioMain } from '../lib/scenario-main';
import type { ReadResult } from './baseline-read';

type EntryModule = typeof import('../../src/index');

export interface ConnectorReadInput {
  url: string;
  apiKey: string;
  /** The source form's data, e.g. {"streams":[{"name":"tickets"}],"sync_mode":"incremental"}. */
  config: Record<string, unknown>;
  /** State from an earlier read, to read incrementally from it. */
  state?: unknown;
  durationMs?: number;
  /** Measure the heap held every this many records (memory figures; needs --expose-gc). */
  retainedEvery?: number;
}

export interface ConnectorReadResult extends ReadResult {
  /** The last checkpoint the read emitted (for the next, incremental, read). */
  state: unknown;
  /** Warnings and errors the read logged. */
  warnings: string[];
}

/** The connector's read() through the built entry module, as a host calls it. */
scenarioMain(async (input: ConnectorReadInput): Promise<ConnectorReadResult> => {
  const entry = requireDist<EntryModule>('index');
  const checked = entry.validateCredential({
    credential_name: 'Benchmark',
    api_key: input.apiKey,
    api_base_url: input.url,
  });
  if (!checked.ok) throw new Error(`credential: ${JSON.stringify(checked.errors)}`);

  const records = { tickets: 0, messages: 0 };
  const warnings: string[] = [];
  let state: unknown = input.state;

  const probe = startProbe(
    input.retainedEvery === undefined ? {} : { retainedEvery: input.retainedEvery },
  );
  const { stoppedAtDeadline } = await runUntil(input.durationMs, async (signal) => {
    const options = input.state === undefined ? { signal } : { signal, state: input.state };
    for await (const message of entry.read(checked.credential, input.config, options)) {
      if (message.type === 'RECORD') {
        if (message.stream === 'tickets' || message.stream === 'messages')
          records[message.stream] += 1;
        probe.record();
      } else if (message.type === 'STATE') {
        state = message.state;
      } else if (message.level === 'warn' || message.level === 'error') {
        warnings.push(message.message);
      }
    }
  });
  const cost = probe.stop();

  return { records, stoppedAtDeadline, cost, state, warnings };
});
