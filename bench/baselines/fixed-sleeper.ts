import { sendPlainly, type Send } from './page-loop';

/**
 * Baseline (b): the page loop with a fixed sleep of 60,000 / R ms between requests, the way
 * most scripts stay under a rate limit of R requests per minute.
 */
export function sendAfterFixedSleep(requestsPerMinute: number): Send {
  const intervalMs = 60_000 / requestsPerMinute;
  let first = true;

  return async (http, url) => {
    if (!first) await sleep(intervalMs);
    first = false;
    return sendPlainly(http, url);
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
