import { InvalidInputError } from '../../src/errors';
import { stateFromFile, StreamStateSplitter } from '../../src/cli/state-file';

const tickets = { watermark: '2026-01-02T00:00:00.000Z' };
const agents = { scan: { scope: '{}', part: '', page: 2, offset: 5 } };

const streamLine = (name: string, entry: object): object => ({
  type: 'STATE',
  state: {
    type: 'STREAM',
    stream: { stream_descriptor: { name }, stream_state: { version: 1, ...entry } },
  },
});

describe('stateFromFile', () => {
  it('rebuilds the connector state from the STATE lines a read printed, one per stream', () => {
    const state = stateFromFile([streamLine('tickets', tickets), streamLine('agents', agents)]);

    expect(state).toEqual({ version: 1, streams: { tickets, agents } });
  });

  it('keeps the last line of a stream when a file holds several', () => {
    const newer = { watermark: '2026-02-01T00:00:00.000Z' };

    const state = stateFromFile([streamLine('tickets', tickets), streamLine('tickets', newer)]);

    expect(state).toEqual({ version: 1, streams: { tickets: newer } });
  });

  it('accepts bare state messages, as Airbyte passes them, and one global state', () => {
    const bare = (streamLine('tickets', tickets) as { state: object }).state;
    const global = {
      type: 'GLOBAL',
      global: {
        shared_state: { version: 1 },
        stream_states: [{ stream_descriptor: { name: 'agents' }, stream_state: agents }],
      },
    };

    expect(stateFromFile([bare])).toEqual({ version: 1, streams: { tickets } });
    expect(stateFromFile(global)).toEqual({ version: 1, streams: { agents } });
  });

  it('passes a legacy state or the connector state itself through for read() to validate', () => {
    const own = { version: 1, streams: { tickets } };

    expect(stateFromFile({ type: 'LEGACY', data: own })).toBe(own);
    expect(stateFromFile(own)).toBe(own);
  });

  it('treats an empty array as no state: a first read', () => {
    expect(stateFromFile([])).toBeUndefined();
  });

  it.each([
    ['a number', [42], 'item 1 is not a state message'],
    ['an unknown shape', [{ type: 'STATE', state: { type: 'OTHER' } }], 'item 1 is neither'],
    [
      'a nameless stream',
      [{ type: 'STREAM', stream: { stream_descriptor: {} } }],
      'no stream_descriptor.name',
    ],
    [
      'mixed versions',
      [
        {
          type: 'STREAM',
          stream: { stream_descriptor: { name: 'a' }, stream_state: { version: 1 } },
        },
        {
          type: 'STREAM',
          stream: { stream_descriptor: { name: 'b' }, stream_state: { version: 2 } },
        },
      ],
      'holds state version 2, others 1',
    ],
  ])('refuses %s with an error naming --state', (_name, input, words) => {
    const attempt = (): unknown => stateFromFile(input);

    expect(attempt).toThrow(InvalidInputError);
    expect(attempt).toThrow(/--state: .*/);
    expect(attempt).toThrow(words);
  });
});

describe('StreamStateSplitter', () => {
  it('prints a stream state message only for the streams whose state changed', () => {
    const splitter = new StreamStateSplitter();

    const first = splitter.changed({ version: 1, streams: { tickets, agents } });
    const second = splitter.changed({ version: 1, streams: { tickets, agents: {} } });
    const third = splitter.changed({ version: 1, streams: { tickets, agents: {} } });

    expect(first).toEqual([streamLine('tickets', tickets), streamLine('agents', agents)]);
    expect(second).toEqual([streamLine('agents', {})]);
    expect(third).toEqual([]);
  });

  it('round-trips: the lines it prints rebuild the state they came from', () => {
    const state = { version: 1, streams: { tickets, agents } };

    expect(stateFromFile(new StreamStateSplitter().changed(state))).toEqual(state);
  });
});
