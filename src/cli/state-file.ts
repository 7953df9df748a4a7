import { flagError } from './flags';
import { type AirbyteMessage, type AirbyteStreamState, streamStateMessage } from './protocol';

/** The connector's own state (see src/source/state): a version and one entry per stream. */
export interface ConnectorState {
  version: number;
  streams: Partial<Record<string, unknown>>;
}

/**
 * Turns a state file into the connector's state. Accepted, as Airbyte passes state: an array of
 * state messages (per stream, or one global), with or without their `{"type":"STATE"}` envelope
 * as `read` printed them; also a legacy state or the connector's own state object. The result is
 * validated by read() itself, which names any bad field.
 */
export function stateFromFile(input: unknown): unknown {
  const items = Array.isArray(input) ? input : [input];
  const streamStates: AirbyteStreamState[] = [];
  let version: unknown;
  let whole: unknown;

  for (const [index, raw] of items.entries()) {
    const item = unwrap(raw);
    if (item === undefined) throw stateError(`item ${index + 1} is not a state message.`);

    if (item['type'] === 'STREAM' && isObject(item['stream'])) {
      streamStates.push(item['stream'] as unknown as AirbyteStreamState);
    } else if (item['type'] === 'GLOBAL' && isObject(item['global'])) {
      const global = item['global'];
      if (Array.isArray(global['stream_states'])) streamStates.push(...global['stream_states']);
      if (isObject(global['shared_state'])) version = global['shared_state']['version'];
    } else if (item['type'] === 'LEGACY' || (item['type'] === undefined && 'data' in item)) {
      whole = item['data'];
    } else if ('version' in item && 'streams' in item) {
      whole = item;
    } else {
      throw stateError(`item ${index + 1} is neither a STREAM, GLOBAL nor LEGACY state.`);
    }
  }

  if (whole !== undefined) return whole;
  if (streamStates.length === 0) return undefined;
  return mergeStreamStates(streamStates, version);
}

function mergeStreamStates(states: AirbyteStreamState[], sharedVersion: unknown): ConnectorState {
  const streams: Record<string, unknown> = {};
  let version = sharedVersion;

  for (const { stream_descriptor: descriptor, stream_state: blob } of states) {
    if (!isObject(descriptor) || typeof descriptor.name !== 'string') {
      throw stateError('a stream state has no stream_descriptor.name.');
    }
    const { version: entryVersion, ...entry } = blob ?? {};
    if (version !== undefined && entryVersion !== undefined && entryVersion !== version) {
      throw stateError(
        `stream ${descriptor.name} holds state version ${String(entryVersion)}, others ${String(version)}.`,
      );
    }
    version ??= entryVersion;
    // A later line for the same stream is newer: keep the last, as an engine would.
    streams[descriptor.name] = entry;
  }
  return { version: typeof version === 'number' ? version : Number.NaN, streams };
}

/**
 * Splits the connector's whole-state checkpoints into per-stream STATE messages, printing a
 * stream's state only when it changed, so the latest line per stream is always its full state.
 */
export class StreamStateSplitter {
  private readonly printed = new Map<string, string>();

  changed(state: ConnectorState): AirbyteMessage[] {
    const messages: AirbyteMessage[] = [];
    for (const [name, entry] of Object.entries(state.streams)) {
      if (entry === undefined) continue;
      const streamState = { version: state.version, ...(entry as Record<string, unknown>) };
      const text = JSON.stringify(streamState);
      if (this.printed.get(name) === text) continue;
      this.printed.set(name, text);
      messages.push(streamStateMessage(name, streamState));
    }
    return messages;
  }
}

function unwrap(raw: unknown): Record<string, unknown> | undefined {
  if (!isObject(raw)) return undefined;
  if (raw['type'] === 'STATE' && isObject(raw['state'])) return raw['state'];
  return raw;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stateError(problem: string): Error {
  return flagError('--state', `the state file's ${problem}`);
}
