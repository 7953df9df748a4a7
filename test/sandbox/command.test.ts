import { EventEmitter } from 'node:events';
import { runSandboxCommand, type CommandIo, type SandboxTokens } from '../../src/sandbox';
import { call } from './http';

function capture(): { io: CommandIo; stdout: string[]; stderr: string[]; signals: EventEmitter } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const signals = new EventEmitter();
  return {
    io: {
      stdout: { write: (text) => stdout.push(text) },
      stderr: { write: (text) => stderr.push(text) },
      signals,
    },
    stdout,
    stderr,
    signals,
  };
}

async function firstLine(stdout: string[]): Promise<string> {
  while (stdout.length === 0) await new Promise((resolve) => setImmediate(resolve));
  return stdout[0] ?? '';
}

describe('groove-connector sandbox', () => {
  it('prints exactly one JSON line with the URL and tokens, serves, and exits 0 on SIGTERM', async () => {
    const { io, stdout, stderr, signals } = capture();
    const running = runSandboxCommand(['--tickets', '30', '--seed=4', '--rate-limit', '100'], io);
    const line = await firstLine(stdout);
    const started = JSON.parse(line) as { url: string; tokens: SandboxTokens };
    const answer = await call(started, 'GET', '/v1/tickets?per_page=50');

    signals.emit('SIGTERM');
    expect(await running).toBe(0);
    expect(stdout).toEqual([line]);
    expect(line.endsWith('\n')).toBe(true);
    expect(Object.keys(started)).toEqual(['url', 'tokens']);
    expect(Object.keys(started.tokens)).toEqual(['admin', 'agent', 'expired', 'revoked']);
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(JSON.parse(answer.text).meta.pagination.total_count).toBe(30);
    expect(stderr).toEqual([]);
  });

  it('stops on SIGINT too', async () => {
    const { io, stdout, signals } = capture();
    const running = runSandboxCommand(['--faults', '500:0.1,latency:1-3'], io);
    await firstLine(stdout);

    signals.emit('SIGINT');
    expect(await running).toBe(0);
  });

  it.each([
    [['--port', 'abc'], '--port must be a whole number'],
    [['--port', '70000'], '--port must be an integer from 0 to 65535'],
    [['--tickets', '0'], '--tickets must be an integer from 1 to 4000000'],
    [['--seed'], '--seed needs a value'],
    [['--faults', 'boom:1'], '--faults: "boom" is not a fault kind'],
    [['--latency-ms', 'slow'], '--latency-ms: "slow": latency is MS or MIN-MAX'],
    [['--verbose'], 'unknown option --verbose'],
  ])('refuses %j with exit code 2 and a message naming the flag', async (args, message) => {
    const { io, stdout, stderr } = capture();

    expect(await runSandboxCommand(args, io)).toBe(2);
    expect(stdout).toEqual([]);
    expect(stderr.join('')).toContain(message);
  });
});
