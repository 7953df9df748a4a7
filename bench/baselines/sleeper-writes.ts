import { sleep } from './fixed-sleeper';
import { grooveHttp } from './page-loop';

/**
 * The write baseline: what a user writes to create tickets under a limit of R requests a
 * minute: one POST per record, a fixed sleep of 60,000 / R ms between them, no retry (a create
 * sent twice could email a customer twice). A failed create is counted and skipped.
 */
export async function createTicketsWithFixedSleep(
  options: { baseUrl: string; apiKey: string; requestsPerMinute: number },
  tickets: Iterable<Record<string, unknown>>,
): Promise<{ created: number; failed: number }> {
  const http = grooveHttp(options.baseUrl, options.apiKey);
  const intervalMs = 60_000 / options.requestsPerMinute;
  let created = 0;
  let failed = 0;
  let first = true;

  for (const ticket of tickets) {
    if (!first) await sleep(intervalMs);
    first = false;
    try {
      await http.post('/v1/tickets', ticket);
      created += 1;
    } catch {
      failed += 1;
    }
  }
  return { created, failed };
}
