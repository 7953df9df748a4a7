import axios, { type AxiosInstance, type AxiosResponse } from 'axios';

/**
 * Baseline (a): what a competent user writes with axios in an afternoon to copy tickets and
 * their messages out of Groove. It asks for the largest page, follows `next_page` until it is
 * null (putting `per_page` back, since Groove's `next_page` drops it), and reads every ticket's
 * messages. Run again on a schedule, it is also the naive incremental read: it re-reads every
 * ticket's messages, changed or not.
 */

/** Groove's largest page (reference/groove-api.md §6). */
const PER_PAGE = 50;

/** How a variant sends one GET: plainly, after a fixed sleep, or with a 429 back-off. */
export type Send = (http: AxiosInstance, url: string) => Promise<AxiosResponse>;

export type OnRecord = (stream: 'tickets' | 'messages', record: unknown) => void;

export interface BaselineOptions {
  baseUrl: string;
  apiKey: string;
  send?: Send;
  /** Read only the tickets list, not each ticket's messages. */
  ticketsOnly?: boolean;
  signal?: AbortSignal;
}

export const sendPlainly: Send = (http, url) => http.get(url, { params: { per_page: PER_PAGE } });

export function grooveHttp(baseUrl: string, apiKey: string, signal?: AbortSignal): AxiosInstance {
  return axios.create({
    baseURL: baseUrl,
    headers: { Authorization: `Bearer ${apiKey}`, Accept: 'application/json' },
    timeout: 30_000,
    ...(signal ? { signal } : {}),
  });
}

export async function readTicketsAndMessages(
  options: BaselineOptions,
  onRecord: OnRecord,
): Promise<void> {
  const http = grooveHttp(options.baseUrl, options.apiKey, options.signal);
  const send = options.send ?? sendPlainly;

  for await (const ticket of everyPage(http, send, '/v1/tickets', 'tickets')) {
    onRecord('tickets', ticket);
    if (options.ticketsOnly) continue;

    const number = (ticket as { number: number }).number;
    for await (const message of everyPage(
      http,
      send,
      `/v1/tickets/${number}/messages`,
      'messages',
    )) {
      onRecord('messages', message);
    }
  }
}

async function* everyPage(
  http: AxiosInstance,
  send: Send,
  firstUrl: string,
  key: string,
): AsyncGenerator<unknown> {
  let url: string | null = firstUrl;
  while (url !== null) {
    const response = await send(http, url);
    const body = response.data as { meta?: { pagination?: { next_page?: string | null } } };
    yield* (response.data as Record<string, unknown[]>)[key] ?? [];
    url = body.meta?.pagination?.next_page ?? null;
  }
}
