import { inspect } from 'node:util';

/** A problem with one field of an input, named the way the form labels it. */
export interface FieldIssue {
  /** JSON pointer-like path of the field, e.g. `api_key` or `streams/0/name`. */
  field: string;
  /** The field's label in the form, e.g. "API Key Value". */
  label: string;
  /** What is wrong and what to do, never echoing the value. */
  message: string;
}

/** Stable codes hosts can branch on; messages may change, codes do not. */
export type ErrorCode =
  | 'invalid_input'
  | 'authentication_failed'
  | 'permission_denied'
  | 'not_found'
  | 'invalid_request'
  | 'rate_limited'
  | 'server_error'
  | 'network_error'
  | 'timeout'
  | 'outcome_unknown'
  | 'cancelled'
  | 'unexpected_response';

export interface ErrorDetails {
  /** HTTP status from Groove, where there was one. */
  status?: number;
  /** Method and path (no query, no host) of the request that failed. */
  request?: string;
  /** Whether the same call may succeed if repeated later. */
  retryable?: boolean;
}

/**
 * The root of every error the connector throws. It carries only allow-listed fields, so
 * printing it in any way (message, stack, JSON, inspect) shows nothing it was not given.
 */
export abstract class GrooveConnectorError extends Error {
  abstract readonly code: ErrorCode;
  readonly status: number | undefined;
  readonly request: string | undefined;
  readonly retryable: boolean;

  constructor(message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = new.target.name;
    this.status = details.status;
    this.request = details.request;
    this.retryable = details.retryable ?? false;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      status: this.status,
      request: this.request,
      retryable: this.retryable,
    };
  }

  [inspect.custom](): string {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}

/** Input that fails its schema: a credential, a config or a record. Nothing was sent. */
export class InvalidInputError extends GrooveConnectorError {
  readonly code = 'invalid_input';
  readonly issues: readonly FieldIssue[];

  constructor(subject: string, issues: readonly FieldIssue[]) {
    const list = issues.map((issue) => `${issue.label}: ${issue.message}`).join('; ');
    super(`The ${subject} is not valid. ${list}`);
    this.issues = issues;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}

/** 401: the key is wrong, expired or revoked. */
export class AuthenticationError extends GrooveConnectorError {
  readonly code = 'authentication_failed';
}

/** 403: the key is valid but its user may not do this (Groove's API needs an admin). */
export class PermissionError extends GrooveConnectorError {
  readonly code = 'permission_denied';
}

/** 404: the ticket, message, customer or other thing looked for does not exist. */
export class NotFoundError extends GrooveConnectorError {
  readonly code = 'not_found';
}

/** 400/422: Groove refused the request as sent; `messages` are Groove's own words. */
export class InvalidRequestError extends GrooveConnectorError {
  readonly code = 'invalid_request';
  readonly messages: readonly string[];

  constructor(message: string, messages: readonly string[], details: ErrorDetails = {}) {
    super(message, details);
    this.messages = messages;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), messages: this.messages };
  }
}

/** 429 (or a wait longer than the cap allows): Groove asks us to slow down. */
export class RateLimitedError extends GrooveConnectorError {
  readonly code = 'rate_limited';
  /** How long Groove asked us to wait, in milliseconds, when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, retryAfterMs: number | undefined, details: ErrorDetails = {}) {
    super(message, { retryable: true, ...details });
    this.retryAfterMs = retryAfterMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfterMs: this.retryAfterMs };
  }
}

/** 5xx: Groove failed. */
export class ServerError extends GrooveConnectorError {
  readonly code = 'server_error';
}

/** The connection failed (refused, reset, DNS) before an answer came. */
export class NetworkError extends GrooveConnectorError {
  readonly code = 'network_error';
}

/** No answer within the request timeout. */
export class TimeoutError extends GrooveConnectorError {
  readonly code = 'timeout';
}

/**
 * A request that is not safe to repeat (a create) failed in a way that leaves its fate unknown:
 * Groove may have acted on it. Never resent blindly; check first.
 */
export class OutcomeUnknownError extends GrooveConnectorError {
  readonly code = 'outcome_unknown';
}

/** The caller's AbortSignal fired. */
export class CancelledError extends GrooveConnectorError {
  readonly code = 'cancelled';
}

/** Groove answered 2xx with a body the connector cannot use (malformed JSON, HTML, wrong shape). */
export class UnexpectedResponseError extends GrooveConnectorError {
  readonly code = 'unexpected_response';
}

export function isGrooveConnectorError(value: unknown): value is GrooveConnectorError {
  return value instanceof GrooveConnectorError;
}
