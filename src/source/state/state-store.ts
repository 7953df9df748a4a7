import type { SourceState, StreamState } from './state';

/**
 * The state of a read in progress. Streams not read this time keep what the host handed in,
 * so a read of some streams never forgets the others.
 */
export class StateStore {
  private readonly state: SourceState;

  constructor(initial: SourceState) {
    this.state = structuredClone(initial);
  }

  get(stream: string): StreamState | undefined {
    return this.state.streams[stream];
  }

  set(stream: string, value: StreamState): void {
    this.state.streams[stream] = value;
  }

  /** A copy the host may keep: later progress never changes a state already yielded. */
  snapshot(): SourceState {
    return structuredClone(this.state);
  }
}
