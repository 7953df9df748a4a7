// Builders for the Airbyte protocol messages the CLI prints, one JSON object per stdout line.
// Shapes follow reference/airbyte_protocol_v0.yaml; only the fields the connector fills are typed.

export type AirbyteLogLevel = 'FATAL' | 'ERROR' | 'WARN' | 'INFO' | 'DEBUG' | 'TRACE';

export type FailureType = 'config_error' | 'system_error' | 'transient_error';

export interface AirbyteStreamDescriptor {
  name: string;
}

export interface AirbyteStreamState {
  stream_descriptor: AirbyteStreamDescriptor;
  stream_state?: Record<string, unknown>;
}

/** The state message itself (what Airbyte passes back in a state file), without its envelope. */
export interface AirbyteStateMessage {
  type?: 'STREAM' | 'GLOBAL' | 'LEGACY';
  stream?: AirbyteStreamState;
  global?: { shared_state?: Record<string, unknown>; stream_states: AirbyteStreamState[] };
  data?: Record<string, unknown>;
}

export interface AirbyteStream {
  name: string;
  json_schema: Record<string, unknown>;
  supported_sync_modes: Array<'full_refresh' | 'incremental'>;
  source_defined_cursor?: boolean;
  default_cursor_field?: string[];
  source_defined_primary_key?: string[][];
  is_resumable?: boolean;
}

export type AirbyteMessage =
  | { type: 'SPEC'; spec: Record<string, unknown> & { connectionSpecification: object } }
  | {
      type: 'CONNECTION_STATUS';
      connectionStatus: { status: 'SUCCEEDED' | 'FAILED'; message?: string };
    }
  | { type: 'CATALOG'; catalog: { streams: AirbyteStream[] } }
  | { type: 'RECORD'; record: { stream: string; data: object; emitted_at: number } }
  | { type: 'STATE'; state: AirbyteStateMessage }
  | { type: 'LOG'; log: { level: AirbyteLogLevel; message: string } }
  | {
      type: 'TRACE';
      trace: {
        type: 'ERROR';
        emitted_at: number;
        error: { message: string; internal_message?: string; failure_type: FailureType };
      };
    };

export function specMessage(
  spec: Record<string, unknown> & { connectionSpecification: object },
): AirbyteMessage {
  return { type: 'SPEC', spec };
}

export function connectionStatusMessage(succeeded: boolean, message: string): AirbyteMessage {
  return {
    type: 'CONNECTION_STATUS',
    connectionStatus: { status: succeeded ? 'SUCCEEDED' : 'FAILED', message },
  };
}

export function catalogMessage(streams: AirbyteStream[]): AirbyteMessage {
  return { type: 'CATALOG', catalog: { streams } };
}

export function recordMessage(
  stream: string,
  data: object,
  emittedAt = Date.now(),
): AirbyteMessage {
  return { type: 'RECORD', record: { stream, data, emitted_at: emittedAt } };
}

/** A per-stream state: the shape whose latest line per stream feeds the next `read --state`. */
export function streamStateMessage(
  stream: string,
  streamState: Record<string, unknown>,
): AirbyteMessage {
  return {
    type: 'STATE',
    state: {
      type: 'STREAM',
      stream: { stream_descriptor: { name: stream }, stream_state: streamState },
    },
  };
}

/** Echoes a state message as it came (`write` passes the engine's states through). */
export function stateMessage(state: AirbyteStateMessage): AirbyteMessage {
  return { type: 'STATE', state };
}

export function logMessage(level: AirbyteLogLevel, message: string): AirbyteMessage {
  return { type: 'LOG', log: { level, message } };
}

/** The message a failed command ends with; `code` is the connector's stable error code. */
export function errorTraceMessage(
  message: string,
  failureType: FailureType,
  code: string,
  emittedAt = Date.now(),
): AirbyteMessage {
  return {
    type: 'TRACE',
    trace: {
      type: 'ERROR',
      emitted_at: emittedAt,
      error: { message, internal_message: code, failure_type: failureType },
    },
  };
}
