import type { Account } from './account';
import type { Agent } from './directory';
import type { KnowledgeBase } from './knowledge-base';
import type { Json, JsonObject } from './types';

// What a route handler gets and gives back: plain data, no sockets.

export interface RequestContext {
  method: string;
  /** Decoded path segments after /v1. */
  segments: string[];
  /** Path after the origin and without the query, e.g. /v1/tickets. */
  path: string;
  /** Query parameters; the access_token parameter is already removed. */
  query: URLSearchParams;
  body: unknown;
  origin: string;
  /** The agent the token belongs to. */
  actor: Agent;
  nowSeconds: number;
  account: Account;
  knowledgeBases: KnowledgeBase[];
  widgets: JsonObject[];
}

export interface Reply {
  status: number;
  /** undefined sends an empty body. */
  body?: Json;
  headers?: Record<string, string>;
}

export function ok(body: Json, status = 200, headers?: Record<string, string>): Reply {
  return headers === undefined ? { status, body } : { status, body, headers };
}

/**
 * Groove's error body is undocumented (reference/groove-api.md §8, §13.2). The sandbox answers
 * a Rails-style `{"errors": "..."}` for single failures and a list for validation (422).
 */
export function failure(status: number, message: string): Reply {
  return { status, body: { errors: message } };
}

export function invalid(messages: string[]): Reply {
  return { status: 422, body: { errors: messages } };
}

export function notFound(what: string): Reply {
  return failure(404, `${what} not found`);
}

/** Groove's v1 page size: 25 by default, at most 50 (reference/groove-api.md §6). */
export const DEFAULT_PER_PAGE = 25;
export const MAX_PER_PAGE = 50;

export interface PageRequest {
  page: number;
  perPage: number;
  offset: number;
}

export function pageRequest(query: URLSearchParams): PageRequest {
  const page = positiveInteger(query.get('page')) ?? 1;
  const perPage = Math.min(
    MAX_PER_PAGE,
    positiveInteger(query.get('per_page')) ?? DEFAULT_PER_PAGE,
  );
  return { page, perPage, offset: (page - 1) * perPage };
}

function positiveInteger(text: string | null): number | undefined {
  if (text === null || !/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 1 ? value : undefined;
}

/**
 * The list envelope. next_page is an absolute URL on the sandbox's own origin that keeps the
 * filters but drops per_page, as Groove's does (reference/groove-api.md §6, §13.14).
 */
export function pageEnvelope(
  context: RequestContext,
  key: string,
  items: Json[],
  total: number,
  request: PageRequest,
): Reply {
  const totalPages = Math.ceil(total / request.perPage);
  let nextPage: string | null = null;
  if (request.page < totalPages) {
    const next = new URLSearchParams();
    for (const [name, value] of context.query) {
      if (name !== 'per_page' && name !== 'page') next.append(name, value);
    }
    next.append('page', String(request.page + 1));
    nextPage = `${context.origin}${context.path}?${next.toString()}`;
  }
  return ok({
    [key]: items,
    meta: {
      pagination: {
        current_page: request.page,
        total_pages: totalPages,
        total_count: total,
        next_page: nextPage,
      },
    },
  });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: unknown): value is string {
  return typeof value === 'string' && EMAIL.test(value);
}
