import { Writable } from 'node:stream';
import { Progress } from '../../src/cli/progress';
import { StderrTerminal } from '../../src/cli/terminal';

function fakeStderr(isTTY: boolean): { stream: Writable & { isTTY: boolean }; text: () => string } {
  let written = '';
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString();
        done();
      },
    }),
    { isTTY },
  );
  return { stream, text: () => written };
}

describe('Progress', () => {
  it('describes counts, totals, rate, requests and the time left', () => {
    let now = 0;
    const { stream } = fakeStderr(true);
    const progress = new Progress(
      new StderrTerminal(stream),
      'reading',
      () => 7,
      () => now,
    );

    progress.total('tickets', 400);
    progress.count('tickets', 100);
    progress.count('messages', 100);
    now = 2000;

    expect(progress.describe()).toBe(
      'reading · tickets 100/400 (25%) · messages 100 · 100/s · 7 requests · ~3s left',
    );
  });

  it('redraws the status line on a terminal at most four times a second', () => {
    let now = 0;
    const { stream, text } = fakeStderr(true);
    const progress = new Progress(new StderrTerminal(stream), 'reading', undefined, () => now);

    progress.count('tickets');
    progress.count('tickets');
    now = 300;
    progress.count('tickets');

    expect(
      text()
        .split('\r\x1b[2K')
        .filter((part) => part !== ''),
    ).toHaveLength(2);
  });

  it('prints nothing when stderr is not a terminal', () => {
    const { stream, text } = fakeStderr(false);
    const progress = new Progress(new StderrTerminal(stream), 'writing');

    progress.count('records');
    progress.redraw(true);
    progress.finish();

    expect(text()).toBe('');
  });
});

describe('StderrTerminal', () => {
  it('clears the status line before a log line so the two never mix', () => {
    const { stream, text } = fakeStderr(true);
    const terminal = new StderrTerminal(stream);

    terminal.status('reading · tickets 5');
    terminal.line('WARN skipped ticket 12');

    expect(text()).toBe('\r\x1b[2Kreading · tickets 5\r\x1b[2KWARN skipped ticket 12\n');
  });
});
