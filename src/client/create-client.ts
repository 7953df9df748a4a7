import { InvalidInputError } from '../errors';
import { validateCredential, type Credential } from '../credential/validate-credential';
import { redact } from '../secrets';
import { resolveClientOptions } from './client-options';
import { toGrooveError } from './error-factory';
import { describeFailure, type Failure } from './failure';
import { Pacer } from './pacer';
import { requestTarget } from './request-target';
import { isSafeToRepeat, retryDelayMs, shouldRetry } from './retry-policy';
import { createTransport } from './transport';
import type {
  ClientOptions,
  ClientStats,
  GrooveClient,
  GrooveRequest,
  GrooveResponse,
} from './types';

/**
 * Builds the client every Groove call goes through, from a credential (validated again here,
 * so a raw form fails by field name before anything is sent).
 *
 * Retries are a small loop of our own rather than axios-retry: the rules need what only exists
 * after the answer is classified (a 2xx with a broken body, a POST whose fate is unknown), a
 * Retry-After past the cap must end as RateLimitedError instead of a sleep, and every wait
 * (pacing and backoff alike) must run on the one injectable clock and stop on the signal.
 */
export function createGrooveClient(
  credential: Credential,
  options: ClientOptions = {},
): GrooveClient {
  const checked = validateCredential(credential);
  if (!checked.ok) throw new InvalidInputError('credential', checked.errors);

  const settings = resolveClientOptions(options);
  const { clock, logger } = settings;
  const apiKey = checked.credential.api_key;
  const secrets = [apiKey];
  const origin = new URL(checked.credential.api_base_url).origin;
  const transport = createTransport(origin, apiKey, settings.timeoutMs);
  const pacer = new Pacer(settings.requestsPerMinute, clock);
  const stats: ClientStats = { requests: 0, retries: 0, rateLimited: 0, waitedMs: 0 };

  async function request<T>(call: GrooveRequest): Promise<GrooveResponse<T>> {
    const target = requestTarget(call, origin);
    const { method } = call;
    const repeatable = call.repeatable ?? isSafeToRepeat(method);
    const path = redact(call.path, secrets);
    const signal = combineSignals(settings.signal, call.signal);
    const fail = (failure: Failure, attempts: number) =>
      toGrooveError(failure, {
        method,
        repeatable,
        path,
        subject: call.subject,
        origin,
        timeoutMs: settings.timeoutMs,
        maxWaitMs: settings.maxWaitMs,
        attempts,
        now: clock.now(),
        secrets,
      });

    for (let attempt = 1; ; attempt += 1) {
      const slot = pacer.reserve(settings.maxWaitMs);
      if (!slot.reserved) throw fail({ kind: 'paced_too_long', waitMs: slot.waitMs }, attempt);
      if (!(await wait(slot.waitMs, signal)) || signal.aborted) {
        throw fail({ kind: 'cancelled', inFlight: false }, attempt);
      }

      const startedAt = clock.now();
      stats.requests += 1;
      const result = await transport.send(method, target, call.body, signal);
      const status = result.ok ? result.status : statusOf(result.failure);
      logger.debug('Groove request', {
        method,
        path,
        status: status ?? null,
        outcome: result.ok ? 'ok' : describeFailure(result.failure),
        ms: clock.now() - startedAt,
        attempt,
      });
      if (status !== undefined) pacer.observe(status, result.headers);
      if (result.ok)
        return { status: result.status, data: result.data as T, headers: result.headers };

      const { failure } = result;
      if (status === 429) stats.rateLimited += 1;
      if (attempt > settings.maxRetries || !shouldRetry(repeatable, failure))
        throw fail(failure, attempt);

      const delayMs = retryDelayMs(failure, attempt, clock.now(), settings.random);
      if (delayMs > settings.maxWaitMs) throw fail(failure, attempt);
      logger.warn('Retrying Groove request', {
        method,
        path,
        attempt,
        reason: describeFailure(failure),
        delayMs,
      });
      stats.retries += 1;
      if (!(await wait(delayMs, signal)))
        throw fail({ kind: 'cancelled', inFlight: false }, attempt);
    }
  }

  /** Sleeps on the client's clock; false when the signal ended the wait. */
  async function wait(ms: number, signal: AbortSignal): Promise<boolean> {
    if (ms <= 0) return !signal.aborted;
    stats.waitedMs += ms;
    try {
      await clock.sleep(ms, signal);
      return true;
    } catch {
      return false;
    }
  }

  return { request, stats };
}

function statusOf(failure: Failure): number | undefined {
  return failure.kind === 'status' || failure.kind === 'malformed' ? failure.status : undefined;
}

function combineSignals(...signals: (AbortSignal | undefined)[]): AbortSignal {
  const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  if (present.length === 1 && present[0] !== undefined) return present[0];
  return present.length === 0 ? new AbortController().signal : AbortSignal.any(present);
}
