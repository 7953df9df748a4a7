import { PassThrough, Readable } from 'node:stream';
import { classifyLine, readInputLines, type InputLine } from '../../src/cli/input-lines';

const collect = async (lines: AsyncIterable<InputLine>): Promise<InputLine[]> => {
  const all: InputLine[] = [];
  for await (const line of lines) all.push(line);
  return all;
};

describe('classifyLine', () => {
  it.each([
    [
      'an Airbyte RECORD, as its data',
      '{"type":"RECORD","record":{"stream":"tickets","data":{"body":"Hi"},"emitted_at":1}}',
      { kind: 'record', line: 4, data: { body: 'Hi' } },
    ],
    [
      'a plain JSON object, as itself',
      '{"body":"Hi"}',
      { kind: 'record', line: 4, data: { body: 'Hi' } },
    ],
    [
      'a plain object with a type of its own, as itself',
      '{"type":"LOG","body":"Hi"}',
      { kind: 'record', line: 4, data: { type: 'LOG', body: 'Hi' } },
    ],
    [
      'an Airbyte STATE, to echo',
      '{"type":"STATE","state":{"type":"STREAM"}}',
      { kind: 'state', line: 4, state: { type: 'STREAM' } },
    ],
    [
      'a LOG message, passed over',
      '{"type":"LOG","log":{"level":"INFO","message":"x"}}',
      { kind: 'ignored', line: 4, type: 'LOG' },
    ],
    [
      'broken JSON, naming the line',
      '{"body":',
      { kind: 'malformed', line: 4, problem: 'Line 4 is not valid JSON.' },
    ],
    [
      'a JSON array',
      '[1,2]',
      { kind: 'malformed', line: 4, problem: 'Line 4 is not a JSON object.' },
    ],
    [
      'a RECORD without data',
      '{"type":"RECORD","record":{"stream":"x"}}',
      {
        kind: 'malformed',
        line: 4,
        problem: 'Line 4 is a RECORD without an object in record.data.',
      },
    ],
  ])('reads %s', (_name, text, expected) => {
    expect(classifyLine(text, 4)).toEqual(expected);
  });

  it('skips blank lines', () => {
    expect(classifyLine('   ', 1)).toBeUndefined();
  });
});

describe('readInputLines', () => {
  it('numbers lines from 1, blank lines included, across CRLF endings', async () => {
    const input = Readable.from(['{"a":1}\r\n\r\n', 'nope\n{"b":2}']);

    const lines = await collect(readInputLines(input, new AbortController().signal));

    expect(lines.map((line) => [line.kind, line.line])).toEqual([
      ['record', 1],
      ['malformed', 3],
      ['record', 4],
    ]);
  });

  it('ends quietly when the signal aborts while stdin stays open', async () => {
    const input = new PassThrough();
    const controller = new AbortController();
    input.write('{"a":1}\n');

    const reading = collect(readInputLines(input, controller.signal));
    setImmediate(() => controller.abort());

    await expect(reading).resolves.toEqual([{ kind: 'record', line: 1, data: { a: 1 } }]);
  });

  it('reports a line longer than the bound without holding it, and reads on', async () => {
    const huge = 'a'.repeat(300);
    const input = Readable.from(['{"a":1}\n', huge.slice(0, 100), huge.slice(100), '\n{"b":2}\n']);

    const lines = await collect(readInputLines(input, new AbortController().signal, 64));

    expect(lines).toEqual([
      { kind: 'record', line: 1, data: { a: 1 } },
      { kind: 'malformed', line: 2, problem: 'Line 2 is longer than 64 bytes; it was not read.' },
      { kind: 'record', line: 3, data: { b: 2 } },
    ]);
  });

  it('keeps a multi-byte character whole across chunks', async () => {
    const bytes = Buffer.from('{"body":"Zoë 🔥"}\n', 'utf8');
    const input = Readable.from([bytes.subarray(0, 12), bytes.subarray(12)]);

    const lines = await collect(readInputLines(input, new AbortController().signal));

    expect(lines).toEqual([{ kind: 'record', line: 1, data: { body: 'Zoë 🔥' } }]);
  });
});
