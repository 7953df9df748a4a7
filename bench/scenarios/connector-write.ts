import { requireDist } from '../lib/paths';
import { startProbe, type Cost } from '../lib/probe';
import { scenarioMain } from '../lib/scenario-main';

type EntryModule = typeof import('../../src/index');

export interface ConnectorWriteInput {
  url: string;
  apiKey: string;
  requestsPerMinute: number;
  tickets: number;
  /** Starts every subject, so the benchmark can count what this run created. */
  subjectPrefix: string;
  /** The customer and the mailbox the tickets are between. */
  from: string;
  to: string;
}

export interface ConnectorWriteResult {
  /** Results by status: created, failed, unknown. */
  results: Record<string, number>;
  cost: Cost;
}

/** N create_ticket records through the connector's write(), as a host calls it. */
scenarioMain(async (input: ConnectorWriteInput): Promise<ConnectorWriteResult> => {
  const entry = requireDist<EntryModule>('index');
  const credential = {
    credential_name: 'Benchmark',
    api_key: input.apiKey,
    api_base_url: input.url,
  };
  const config = { operation: 'create_ticket', requests_per_minute: input.requestsPerMinute };
  const results: Record<string, number> = {};

  const probe = startProbe();
  for await (const message of entry.write(credential, config, records(input))) {
    if (message.type === 'result') results[message.status] = (results[message.status] ?? 0) + 1;
  }
  const cost = probe.stop();

  return { results, cost };
});

function* records(input: ConnectorWriteInput): Generator<Record<string, unknown>> {
  for (let i = 0; i < input.tickets; i++) {
    yield {
      from: input.from,
      to: input.to,
      subject: `${input.subjectPrefix} ${i}`,
      body: `Benchmark ticket ${i}: the printer on the third floor is out of toner again.`,
    };
  }
}
