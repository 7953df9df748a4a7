// The sandbox: an offline Groove REST v1 on loopback, for the demo, the tests and the
// benchmarks. It depends on nothing of the adapter.
export { startSandbox } from './server';
export type { Sandbox } from './server';
export { SandboxData } from './data-view';
export type { SandboxCounts } from './data-view';
export { parseFaultSpec, FaultSpecError, FAULT_KINDS } from './fault-spec';
export { runSandboxCommand } from './command';
export type { CommandIo } from './command';
export type {
  FaultKind,
  FaultRule,
  FaultSpec,
  Json,
  JsonObject,
  Latency,
  RequestLogEntry,
  SandboxOptions,
  SandboxTokens,
  TokenKind,
} from './types';
