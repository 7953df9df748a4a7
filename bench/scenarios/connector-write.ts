import { requireDist } from '../lib/paths';
import { startProbe, type Cost } from '../lib/probe';
import { scenarioMain } from '../lib/scenario-main';
import { ticketRecords, type TicketBatch } from './ticket-records';

type EntryModule = typeof import('../../src/index');

export interface WriteInput extends TicketBatch {
  url: string;
  apiKey: string;
  requestsPerMinute: number;
}

export interface WriteResult {
  /** Results by status: created, failed, unknown. */
  results: Record<string, number>;
  cost: Cost;
}

/** N create_ticket records through the connector's write(), as a host calls it. */
scenarioMain(async (input: WriteInput): Promise<WriteResult> => {
  const entry = requireDist<EntryModule>('index');
  const credential = {
    credential_name: 'Benchmark',
    api_key: input.apiKey,
    api_base_url: input.url,
  };
  const config = { operation: 'create_ticket', requests_per_minute: input.requestsPerMinute };
  const results: Record<string, number> = {};

  const probe = startProbe();
  for await (const message of entry.write(credential, config, ticketRecords(input))) {
    if (message.type === 'result') results[message.status] = (results[message.status] ?? 0) + 1;
  }
  const cost = probe.stop();

  return { results, cost };
});
