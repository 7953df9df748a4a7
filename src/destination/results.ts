import type { ErrorCode, FieldIssue } from '../errors';
import type { OperationName, PlannedRequest } from './operations';

/** Why a record was not written, in words a person can act on; never the key, never a header. */
export interface ResultError {
  code: ErrorCode;
  message: string;
  /** Whether sending the same record again later could succeed. */
  retryable: boolean;
  /** Groove's HTTP status, where it answered. */
  status?: number;
  /** invalid_input: each field that is wrong, named by its label. */
  issues?: readonly FieldIssue[];
  /** invalid_request: Groove's own words. */
  messages?: readonly string[];
}

interface ResultBase {
  type: 'result';
  /** Position of the record in the input, from 0. */
  index: number;
  operation: OperationName;
}

/** Groove made it: a ticket (and, for create_message, the message inside it). */
export interface CreatedResult extends ResultBase {
  status: 'created';
  ticket_number: number;
  message_id?: string;
}

/** Groove changed it: the ticket by number, or the customer by (new) email. */
export interface UpdatedResult extends ResultBase {
  status: 'updated';
  ticket_number?: number;
  customer_email?: string;
}

/** Nothing was written for this record (a definite failure). */
export interface FailedResult extends ResultBase {
  status: 'failed';
  error: ResultError;
}

/** A create that may or may not have happened. It is never resent; `check` says how to find out. */
export interface UnknownResult extends ResultBase {
  status: 'unknown';
  error: ResultError;
  check: string;
}

/** A dry run's answer: the request this record would send. */
export interface DryRunResult extends ResultBase {
  status: 'dry_run';
  request: Omit<PlannedRequest, 'subject'>;
}

export type WriteResult =
  CreatedResult | UpdatedResult | FailedResult | UnknownResult | DryRunResult;

export type WriteStatus = WriteResult['status'];

/** Why a write ended before its input did. */
export interface WriteStop {
  code: ErrorCode;
  message: string;
  /** Index of the record whose result ended the write; later records were not attempted. */
  index: number;
}

/** The last message of every write: what happened, counted. */
export interface WriteSummary {
  type: 'summary';
  operation: OperationName;
  dry_run: boolean;
  /** Records read from the input (each has exactly one result above). */
  records: number;
  counts: Record<WriteStatus, number>;
  /** Set when the write stopped early: credential refused, a bad record with `stop`, cancelled. */
  stopped: WriteStop | null;
  /** HTTP requests sent to Groove, retries included (0 in a dry run). */
  requests: number;
}

/** What write() yields: one result per record, in input order, then one summary. */
export type WriteMessage = WriteResult | WriteSummary;
