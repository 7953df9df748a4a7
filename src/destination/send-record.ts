import type { GrooveClient } from '../client/types';
import {
  InvalidInputError,
  InvalidRequestError,
  isGrooveConnectorError,
  type ErrorCode,
  type GrooveConnectorError,
} from '../errors';
import type { Operation, PlannedRequest } from './operations';
import type { ResultError, WriteResult } from './results';

/**
 * How a create may fail after Groove could have acted on it: the result is then `unknown`, not
 * `failed`, so that nobody resends it blindly. The client already reports these as
 * outcome_unknown for a POST; the others are listed so that a 2xx without the new ticket's
 * number, or an injected client, cannot turn a possible create into a plain failure.
 */
const FATE_UNKNOWN_ON_CREATE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'outcome_unknown',
  'server_error',
  'timeout',
  'unexpected_response',
]);

export interface SendContext {
  client: GrooveClient;
  operation: Operation;
  index: number;
  signal: AbortSignal | undefined;
}

/** A record's one result, and the error behind it when it did not succeed. */
export interface SentRecord {
  result: WriteResult;
  error?: GrooveConnectorError;
}

/** Sends one prepared record and turns whatever happened into its one result. */
export async function sendRecord(
  context: SendContext,
  input: Record<string, unknown>,
  request: PlannedRequest,
): Promise<SentRecord> {
  const { client, operation, index, signal } = context;
  const base = { type: 'result', index, operation: operation.name } as const;
  try {
    const response = await client.request<unknown>({
      method: request.method,
      path: request.path,
      body: request.body,
      subject: request.subject,
      ...(request.repeatable === undefined ? {} : { repeatable: request.repeatable }),
      ...(signal === undefined ? {} : { signal }),
    });
    return { result: { ...base, ...operation.toOutcome(input, response) } };
  } catch (error) {
    if (!isGrooveConnectorError(error)) throw error;
    const unsafe = operation.creates || request.repeatable === false;
    if (unsafe && FATE_UNKNOWN_ON_CREATE.has(error.code)) {
      const check = operation.howToCheck?.(input) ?? 'Check in Groove before sending it again.';
      return { result: { ...base, status: 'unknown', error: describeError(error), check }, error };
    }
    return { result: { ...base, status: 'failed', error: describeError(error) }, error };
  }
}

/** The allow-listed facts of an error a result may carry. */
export function describeError(error: GrooveConnectorError): ResultError {
  const described: ResultError = {
    code: error.code,
    message: error.message,
    retryable: error.retryable,
  };
  if (error.status !== undefined) described.status = error.status;
  if (error instanceof InvalidInputError) described.issues = error.issues;
  if (error instanceof InvalidRequestError) described.messages = error.messages;
  return described;
}
