import { createTicketsWithFixedSleep } from '../baselines/sleeper-writes';
import { startProbe } from '../lib/probe';
import { scenarioMain } from '../lib/scenario-main';
import type { WriteInput, WriteResult } from './connector-write';
import { ticketRecords } from './ticket-records';

/** The same records through the fixed-sleep baseline. */
scenarioMain(async (input: WriteInput): Promise<WriteResult> => {
  const probe = startProbe();
  const results = await createTicketsWithFixedSleep(
    { baseUrl: input.url, apiKey: input.apiKey, requestsPerMinute: input.requestsPerMinute },
    ticketRecords(input),
  );
  const cost = probe.stop();

  return { results: { created: results.created, failed: results.failed }, cost };
});
