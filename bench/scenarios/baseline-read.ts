import { sendFastWithBackoff } from '../baselines/fast-backoff';
import { sendAfterFixedSleep } from '../baselines/fixed-sleeper';
import { readTicketsAndMessages, sendPlainly, type Send } from '../baselines/page-loop';
import { runUntil } from '../lib/deadline';
import { startProbe, type Cost } from '../lib/probe';
import { scenarioMain } from '../lib/scenario-main';

export type BaselineVariant = 'page-loop' | 'fixed-sleeper' | 'fast-backoff';

export interface BaselineReadInput {
  url: string;
  apiKey: string;
  variant: BaselineVariant;
  /** The rate limit the fixed sleeper spaces its requests for. */
  requestsPerMinute?: number;
  ticketsOnly: boolean;
  /** Stop after this long (paced reads); otherwise read everything. */
  durationMs?: number;
  /** Measure the heap held every this many records (memory figures; needs --expose-gc). */
  retainedEvery?: number;
}

export interface ReadResult {
  records: { tickets: number; messages: number };
  stoppedAtDeadline: boolean;
  cost: Cost;
}

function sendFor(input: BaselineReadInput): Send {
  if (input.variant === 'fixed-sleeper') return sendAfterFixedSleep(input.requestsPerMinute ?? 30);
  if (input.variant === 'fast-backoff') return sendFastWithBackoff;
  return sendPlainly;
}

scenarioMain(async (input: BaselineReadInput): Promise<ReadResult> => {
  const records = { tickets: 0, messages: 0 };
  const send = sendFor(input);

  const probe = startProbe(
    input.retainedEvery === undefined ? {} : { retainedEvery: input.retainedEvery },
  );
  const { stoppedAtDeadline } = await runUntil(input.durationMs, (signal) =>
    readTicketsAndMessages(
      { baseUrl: input.url, apiKey: input.apiKey, send, ticketsOnly: input.ticketsOnly, signal },
      (stream) => {
        records[stream] += 1;
        probe.record();
      },
    ),
  );
  const cost = probe.stop();

  return { records, stoppedAtDeadline, cost };
});
