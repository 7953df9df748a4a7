import { ExitCode } from '../../src/cli/exit-codes';
import { ensureBuiltCli } from './helpers/built-cli';
import { ofType, protocolMessages, type ProtocolMessage } from './helpers/protocol-schema';
import { finished, spawnCli } from './helpers/run-cli';
import { Workspace } from './helpers/workspace';

let workspace: Workspace;

beforeAll(async () => {
  await ensureBuiltCli();
  workspace = await Workspace.start({ tickets: 60 });
}, 180_000);

afterAll(() => workspace.close());

const config = (syncMode: string, streams = ['tickets', 'messages']): object => ({
  streams: streams.map((name) => ({ name })),
  sync_mode: syncMode,
  requests_per_minute: 0,
});

const records = (messages: ProtocolMessage[], stream: string): Array<Record<string, unknown>> =>
  ofType(messages, 'RECORD')
    .map((message) => message['record'] as { stream: string; data: Record<string, unknown> })
    .filter((record) => record.stream === stream)
    .map((record) => record.data);

const errorOf = (messages: ProtocolMessage[]): Record<string, unknown> | undefined => {
  const last = messages.at(-1);
  return last?.type === 'TRACE'
    ? (last['trace'] as { error: Record<string, unknown> }).error
    : undefined;
};

describe('groove-connector read', () => {
  it('emits every ticket and message as valid RECORD messages, with per-stream STATE', async () => {
    const args = ['read', '--credential', workspace.credential(), '--config'];

    const run = await workspace.run([...args, workspace.file('full.json', config('full_refresh'))]);

    expect(run.code).toBe(ExitCode.success);
    const messages = protocolMessages(run.stdout);
    const numbers = records(messages, 'tickets').map((ticket) => ticket['number']);
    expect(numbers.sort()).toEqual(workspace.sandbox.data.ticketNumbers().sort());
    const expectedMessages = workspace.sandbox.data
      .ticketNumbers()
      .reduce((sum, number) => sum + workspace.sandbox.data.messages(number).length, 0);
    expect(records(messages, 'messages')).toHaveLength(expectedMessages);
    for (const record of ofType(messages, 'RECORD')) {
      expect((record['record'] as { emitted_at: number }).emitted_at).toEqual(expect.any(Number));
    }
    const stateStreams = ofType(messages, 'STATE').map(
      (message) => (message['state'] as { stream: { stream_descriptor: { name: string } } }).stream,
    );
    expect(new Set(stateStreams.map((stream) => stream.stream_descriptor.name))).toEqual(
      new Set(['tickets', 'messages']),
    );
  });

  it('reads nothing new when given the STATE lines of the read before (--state round trip)', async () => {
    const credential = workspace.credential();
    const configFile = workspace.file('incremental.json', config('incremental'));
    const first = await workspace.run(['read', '--credential', credential, '--config', configFile]);
    const states = ofType(protocolMessages(first.stdout), 'STATE');
    const stateFile = workspace.file('state.json', states);

    const second = await workspace.run([
      ...['read', '--credential', credential, '--config', configFile, '--state', stateFile],
    ]);

    expect(first.code).toBe(ExitCode.success);
    expect(records(protocolMessages(first.stdout), 'tickets').length).toBeGreaterThan(0);
    expect(second.code).toBe(ExitCode.success);
    const again = protocolMessages(second.stdout);
    expect(ofType(again, 'RECORD')).toEqual([]);
    expect(ofType(again, 'STATE').length).toBeGreaterThan(0);
  });

  it('takes the key from GROOVE_API_KEY over the one in the file', async () => {
    const file = workspace.file('stale.credential.json', {
      credential_name: 'Stale',
      api_key: 'stale-key-from-the-file',
      api_base_url: workspace.sandbox.url,
    });
    const configFile = workspace.file('agents.json', config('full_refresh', ['agents']));

    const run = await workspace.run(['read', '--credential', file, '--config', configFile], {
      env: { GROOVE_API_KEY: workspace.sandbox.tokens.admin },
    });

    expect(run.code).toBe(ExitCode.success);
    expect(records(protocolMessages(run.stdout), 'agents').length).toBeGreaterThan(0);
    expect(run.stdout + run.stderr).not.toContain('stale-key-from-the-file');
  });

  it.each([
    ['an expired key', 'expired', 'authentication_failed'],
    ['a revoked key', 'revoked', 'authentication_failed'],
  ] as const)('ends with a config_error TRACE and exit 2 for %s', async (_name, token, code) => {
    const configFile = workspace.file('tickets.json', config('full_refresh', ['tickets']));

    const run = await workspace.run([
      'read',
      '--credential',
      workspace.credential(token),
      '--config',
      configFile,
    ]);

    expect(run.code).toBe(ExitCode.configuration);
    const messages = protocolMessages(run.stdout);
    expect(ofType(messages, 'RECORD')).toEqual([]);
    expect(errorOf(messages)).toMatchObject({
      failure_type: 'config_error',
      internal_message: code,
    });
    expect(run.stdout + run.stderr).not.toContain(workspace.sandbox.tokens[token]);
  });

  it('refuses a bad source form before sending anything, naming the field', async () => {
    const configFile = workspace.file('bad.json', {
      streams: [{ name: 'tickets' }],
      sync_mode: 'sometimes',
    });
    workspace.sandbox.clearLog();

    const run = await workspace.run([
      'read',
      '--credential',
      workspace.credential(),
      '--config',
      configFile,
    ]);

    expect(run.code).toBe(ExitCode.configuration);
    expect(errorOf(protocolMessages(run.stdout))).toMatchObject({ failure_type: 'config_error' });
    expect(String(errorOf(protocolMessages(run.stdout))?.['message'])).toMatch(/sync/i);
    expect(workspace.sandbox.log).toEqual([]);
  });

  it.each([
    ['a missing --config', ['--credential', 'x.json'], '--config: missing'],
    [
      'an unreadable --credential file',
      ['--credential', '/nonexistent/c.json', '--config', '/nonexistent/s.json'],
      '--credential: /nonexistent/c.json cannot be read (ENOENT)',
    ],
  ])('refuses %s with exit 2 and a TRACE naming the flag', async (_name, args, words) => {
    const run = await workspace.run(['read', ...args]);

    expect(run.code).toBe(ExitCode.configuration);
    expect(String(errorOf(protocolMessages(run.stdout))?.['message'])).toContain(words);
  });

  it('refuses a state file that is not JSON, naming --state', async () => {
    const stateFile = workspace.file('broken-state.json', '[{"type":');
    const configFile = workspace.file('tickets.json', config('incremental', ['tickets']));

    const run = await workspace.run([
      ...[
        'read',
        '--credential',
        workspace.credential(),
        '--config',
        configFile,
        '--state',
        stateFile,
      ],
    ]);

    expect(run.code).toBe(ExitCode.configuration);
    expect(String(errorOf(protocolMessages(run.stdout))?.['message'])).toContain('--state:');
  });

  // The client retries a refused connection a few times with backoff before giving up.
  it('ends with a transient_error TRACE and exit 1 when Groove cannot be reached', async () => {
    const down = await Workspace.start();
    const url = down.sandbox.url;
    await down.close();
    const credential = workspace.file('down.credential.json', {
      credential_name: 'Nobody listens',
      api_key: workspace.sandbox.tokens.admin,
      api_base_url: url,
    });
    const configFile = workspace.file('agents.json', config('full_refresh', ['agents']));

    const run = await workspace.run(['read', '--credential', credential, '--config', configFile]);

    expect(run.code).toBe(ExitCode.failure);
    expect(errorOf(protocolMessages(run.stdout))).toMatchObject({
      failure_type: 'transient_error',
    });
  }, 60_000);

  it('never prints the key, whatever happened', () => {
    expect(workspace.printed()).not.toContain(workspace.sandbox.tokens.admin);
  });
});

describe('groove-connector read, interrupted', () => {
  it.each([
    ['SIGTERM', ExitCode.interruptedBySigterm],
    ['SIGINT', ExitCode.interruptedBySigint],
  ] as const)(
    'stops on %s with a final STATE per stream, and a read from it finishes the job',
    async (signal, code) => {
      const slow = await Workspace.start({ tickets: 200, latencyMs: 15 });
      try {
        const credential = slow.credential();
        const configFile = slow.file('read.json', config('incremental'));
        const child = spawnCli(['read', '--credential', credential, '--config', configFile]);
        const done = finished(child);
        await new Promise<void>((resolve) => {
          child.stdout?.on('data', (chunk: Buffer) => {
            if (chunk.toString().includes('"type":"RECORD"')) resolve();
          });
        });
        child.kill(signal);
        const first = await done;

        const firstMessages = protocolMessages(first.stdout);
        const states = ofType(firstMessages, 'STATE');
        const resumed = await slow.run([
          ...[
            'read',
            '--credential',
            credential,
            '--config',
            configFile,
            '--state',
            slow.file('state.json', states),
          ],
        ]);

        expect(first.code).toBe(code);
        const tail = firstMessages.slice(-2).map((message) => message.type);
        expect(tail).toEqual(['STATE', 'STATE']);
        expect(resumed.code).toBe(ExitCode.success);
        const numbers = [
          ...records(firstMessages, 'tickets'),
          ...records(protocolMessages(resumed.stdout), 'tickets'),
        ].map((ticket) => ticket['number']);
        expect(records(firstMessages, 'tickets').length).toBeLessThan(200);
        expect(new Set(numbers)).toEqual(new Set(slow.sandbox.data.ticketNumbers()));
        expect(slow.printed() + first.stdout + first.stderr).not.toContain(
          slow.sandbox.tokens.admin,
        );
      } finally {
        await slow.close();
      }
    },
    60_000,
  );
});
