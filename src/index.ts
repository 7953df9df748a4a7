// The entry module a host loads (named by connector.json): the host contract of DESIGN.md.
export { validateCredential, DEFAULT_API_BASE_URL } from './credential/validate-credential';
export type { Credential, CredentialResult } from './credential/validate-credential';
export {
  presentCredential,
  mergeCredentialEdit,
  credentialSecretFields,
} from './credential/edit-credential';
export { MASKED_SECRET } from './credential/secret-fields';
export { testCredential } from './credential/test-credential';
export type {
  CredentialTestResult,
  CredentialTestStatus,
  TestCredentialOptions,
} from './credential/test-credential';
export { createGrooveClient } from './client/create-client';
export {
  DEFAULT_REQUESTS_PER_MINUTE,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_MAX_RETRIES,
  DEFAULT_MAX_WAIT_MS,
} from './client/client-options';
export type {
  ClientOptions,
  ClientStats,
  GrooveClient,
  GrooveRequest,
  GrooveResponse,
  HttpMethod,
} from './client/types';
export type { Clock } from './client/clock';
export * from './errors';
export { quietLogger } from './logger';
export type { Logger, LogFields } from './logger';
export type { GrooveCredential } from './generated/credential';
export { discover } from './source/discover';
export type { Catalog, DiscoveredStream, SyncModeName } from './source/discover';
export { read } from './source/read';
export type { ReadOptions } from './source/read';
export type { SourceMessage, RecordMessage, StateMessage, LogMessage } from './source/messages';
export type { SourceState, StreamState, ScanState } from './source/state/state';
export type { GrooveSource } from './generated/source';
export { write } from './destination/write';
export type { WriteOptions } from './destination/write';
export type {
  WriteMessage,
  WriteResult,
  WriteSummary,
  WriteStatus,
  WriteStop,
  ResultError,
  CreatedResult,
  UpdatedResult,
  FailedResult,
  UnknownResult,
  DryRunResult,
} from './destination/results';
export type { GrooveDestinationConfig } from './generated/destination';
