import { CancelledError, type ErrorCode, isGrooveConnectorError } from '../errors';
import { ExitCode, type ExitCodeValue } from './exit-codes';
import type { FailureType } from './protocol';

export interface Failure {
  exitCode: ExitCodeValue;
  failureType: FailureType;
  /** The connector's stable error code, or `internal` for an error of no known kind. */
  code: ErrorCode | 'internal';
  message: string;
}

// What a person must fix (input, key, permissions) vs what may pass if tried again later.
const CONFIG_ERRORS: ReadonlySet<ErrorCode> = new Set([
  'invalid_input',
  'authentication_failed',
  'permission_denied',
  'not_found',
  'invalid_request',
]);
const TRANSIENT_ERRORS: ReadonlySet<ErrorCode> = new Set([
  'rate_limited',
  'server_error',
  'network_error',
  'timeout',
]);

/** How a command that failed reports it: exit code, Airbyte failure type, message. */
export function classifyFailure(error: unknown): Failure {
  if (!isGrooveConnectorError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return { exitCode: ExitCode.failure, failureType: 'system_error', code: 'internal', message };
  }

  const { code, message } = error;
  if (CONFIG_ERRORS.has(code)) {
    return { exitCode: ExitCode.configuration, failureType: 'config_error', code, message };
  }
  if (TRANSIENT_ERRORS.has(code)) {
    return { exitCode: ExitCode.failure, failureType: 'transient_error', code, message };
  }
  return { exitCode: ExitCode.failure, failureType: 'system_error', code, message };
}

export function isCancellation(error: unknown): boolean {
  return error instanceof CancelledError || (error instanceof Error && error.name === 'AbortError');
}
