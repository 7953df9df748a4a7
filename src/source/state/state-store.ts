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

  /** Notes that a stream was read to its end in this read, for a resume to skip it. */
  markDone(stream: string): void {
    this.state.streams[stream] = { ...this.state.streams[stream], done: true };
  }

  /** A copy the host may keep: later progress never changes a state already yielded. */
  snapshot(): SourceState {
    return structuredClone(this.state);
  }

  /** The state a finished read ends on: nothing is in progress, so nothing is marked done. */
  finalSnapshot(): SourceState {
    const final = this.snapshot();
    for (const entry of Object.values(final.streams)) delete entry?.done;
    return final;
  }
}
