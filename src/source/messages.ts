import type { SourceState } from './state/state';

/** One record of a stream, as Groove sent it plus the fields the connector derives. */
export interface RecordMessage {
  type: 'RECORD';
  stream: string;
  record: Record<string, unknown>;
}

/** A checkpoint: the whole state to store; a read resumed from it loses and repeats nothing. */
export interface StateMessage {
  type: 'STATE';
  state: SourceState;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Something the person running the flow should see (a skipped ticket, a summary). */
export interface LogMessage {
  type: 'LOG';
  level: LogLevel;
  message: string;
}

/** What read() yields, in the spirit of the Airbyte protocol's RECORD, STATE and LOG. */
export type SourceMessage = RecordMessage | StateMessage | LogMessage;
