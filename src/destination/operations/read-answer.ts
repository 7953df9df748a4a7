import type { GrooveResponse } from '../../client/types';
import { UnexpectedResponseError } from '../../errors';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `data[wrapper]` as an object, or undefined: Groove wraps single resources (`{ticket: …}`). */
export function wrapped(response: GrooveResponse<unknown>, wrapper: string): Json | undefined {
  const data = response.data;
  if (!isObject(data)) return undefined;
  const inner = data[wrapper];
  return isObject(inner) ? inner : undefined;
}

/** The last path segment after `/<collection>/` in a URL or path, e.g. the 5 of `/v1/messages/5`. */
export function idFromHref(href: unknown, collection: string): string | undefined {
  if (typeof href !== 'string') return undefined;
  const match = new RegExp(`/${collection}/([^/?#]+)`).exec(href);
  return match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
}

/** Groove answered 2xx, so it acted, but the answer does not say what it made. */
export function unreadableAnswer(response: GrooveResponse<unknown>, what: string): never {
  throw new UnexpectedResponseError(
    `Groove answered ${response.status} but its answer names no ${what}.`,
    { status: response.status },
  );
}
