import { isAxiosError } from 'axios';

import { sleep } from './fixed-sleeper';
import { sendPlainly, type Send } from './page-loop';

/** When a 429 comes without Retry-After: start here and double, up to a minute. */
const FIRST_BACKOFF_MS = 1_000;
const LONGEST_BACKOFF_MS = 60_000;

/**
 * Baseline (c): the page loop sending as fast as it can, and on a 429 waiting as long as
 * Retry-After says (in seconds), then sending the same request again.
 */
export const sendFastWithBackoff: Send = async (http, url) => {
  let backoffMs = FIRST_BACKOFF_MS;
  for (;;) {
    try {
      return await sendPlainly(http, url);
    } catch (error) {
      if (!isAxiosError(error) || error.response?.status !== 429) throw error;

      const retryAfter = Number(error.response.headers['retry-after']);
      const waitMs = Number.isFinite(retryAfter) ? retryAfter * 1000 : backoffMs;
      backoffMs = Math.min(backoffMs * 2, LONGEST_BACKOFF_MS);
      await sleep(waitMs);
    }
  }
};
