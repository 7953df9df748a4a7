import type { Clock } from '../client/clock';
import { createGrooveClient } from '../client/create-client';
import type { ClientOptions } from '../client/types';
import {
  InvalidInputError,
  isGrooveConnectorError,
  type ErrorCode,
  type FieldIssue,
} from '../errors';
import { validateCredential, type Credential } from './validate-credential';

export type CredentialTestStatus =
  'ok' | 'invalid_credential' | Exclude<ErrorCode, 'invalid_input' | 'outcome_unknown'>;

export interface CredentialTestResult {
  ok: boolean;
  /** `ok`, `invalid_credential`, or the code of the error the request met. */
  status: CredentialTestStatus;
  /** What happened and what to do, for a person. Never contains the key. */
  message: string;
  /** The fields to fix, when the credential did not validate (nothing was sent). */
  issues?: FieldIssue[];
  /** What the key could see. */
  saw?: { mailboxes: number; names: string[] };
  /** Things to act on even when the key works, above all an expiry that is near. */
  warnings: string[];
}

export type TestCredentialOptions = Pick<ClientOptions, 'signal' | 'logger' | 'timeoutMs'> & {
  /** Time source for the request and for "today" in the expiry check. */
  clock?: Clock;
};

// Groove tokens made under Settings > Developer > API expire one year after they are created
// (reference/groove-api.md §2, §13.4); warn this many days ahead.
const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;
const NEW_KEY = 'generate a new key under Settings > Developer > API and update the credential';
const MAX_NAMES = 10;

/**
 * Checks a credential with one cheap authorized request, `GET /v1/mailboxes`: Groove serves it
 * only to admins, so a key that passes can run every flow. Never throws for a bad key or an
 * unreachable Groove: the result says why, in words a person can act on.
 */
export async function testCredential(
  input: unknown,
  options: TestCredentialOptions = {},
): Promise<CredentialTestResult> {
  const checked = validateCredential(input);
  if (!checked.ok) {
    return {
      ok: false,
      status: 'invalid_credential',
      message: new InvalidInputError('credential', checked.errors).message,
      issues: checked.errors,
      warnings: [],
    };
  }

  const now = options.clock?.now() ?? Date.now();
  const expiry = expiryOf(checked.credential, now);
  const client = createGrooveClient(checked.credential, {
    ...options,
    // One request, answered as it comes: a credential test should not wait out rate limits.
    maxRetries: 0,
    requestsPerMinute: 0,
  });

  try {
    const response = await client.request<unknown>({
      method: 'GET',
      path: '/mailboxes',
      subject: 'the mailbox list',
    });
    const saw = mailboxesIn(response.data);
    const seen =
      saw === undefined ? '' : `: it can read ${plural(saw.mailboxes, 'mailbox', 'mailboxes')}`;
    return {
      ok: true,
      status: 'ok',
      message: `Groove accepted the API key${seen}.`,
      ...(saw === undefined ? {} : { saw }),
      warnings: expiry.warnings,
    };
  } catch (error) {
    if (!isGrooveConnectorError(error) || error.code === 'invalid_input') throw error;
    const status = error.code === 'outcome_unknown' ? 'unexpected_response' : error.code;
    const expired = status === 'authentication_failed' && expiry.expiredOn !== undefined;
    return {
      ok: false,
      status,
      message: expired
        ? `Groove rejected the API key: it expired on ${expiry.expiredOn}, one year after it was created; ${NEW_KEY}.`
        : error.message,
      warnings: expiry.warnings,
    };
  }
}

/** Warnings from `api_key_created_on`: expired, expiring within 30 days, or a date to come. */
function expiryOf(credential: Credential, now: number): { warnings: string[]; expiredOn?: string } {
  const createdOn = credential.api_key_created_on;
  if (createdOn === undefined) return { warnings: [] };

  const [year, month, day] = createdOn.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return { warnings: [] };
  const created = Date.UTC(year, month - 1, day);
  const expires = Date.UTC(year + 1, month - 1, day);
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const expiresOn = isoDay(expires);
  const daysLeft = Math.round((expires - today) / DAY_MS);

  if (created > today) {
    return {
      warnings: [
        `API Key Created On (${createdOn}) is in the future; correct it so the expiry warning comes on time.`,
      ],
    };
  }
  if (daysLeft < 0) {
    return {
      warnings: [`The API key expired on ${expiresOn}, one year after it was created; ${NEW_KEY}.`],
      expiredOn: expiresOn,
    };
  }
  if (daysLeft <= EXPIRY_WARNING_DAYS) {
    const when = daysLeft === 0 ? 'today' : `in ${plural(daysLeft, 'day', 'days')}`;
    return {
      warnings: [`The API key expires on ${expiresOn} (${when}); ${NEW_KEY} before then.`],
    };
  }
  return { warnings: [] };
}

function mailboxesIn(data: unknown): { mailboxes: number; names: string[] } | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const list = (data as { mailboxes?: unknown }).mailboxes;
  if (!Array.isArray(list)) return undefined;

  const names = list
    .map((mailbox: unknown) => (mailbox as { name?: unknown } | null)?.name)
    .filter((name): name is string => typeof name === 'string')
    .slice(0, MAX_NAMES);
  return { mailboxes: list.length, names };
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
