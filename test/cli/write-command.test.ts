import fs from 'node:fs';
import { ExitCode } from '../../src/cli/exit-codes';
import { ensureBuiltCli } from './helpers/built-cli';
import { ofType, protocolMessages } from './helpers/protocol-schema';
import { finished, spawnCli } from './helpers/run-cli';
import { Workspace } from './helpers/workspace';

let workspace: Workspace;

beforeAll(async () => {
  await ensureBuiltCli();
  workspace = await Workspace.start({ tickets: 20 });
}, 180_000);

afterAll(() => workspace.close());

const CREATE_TICKETS = { operation: 'create_ticket', requests_per_minute: 0 };

const ticket = (subject: string): Record<string, string> => ({
  body: `<p>${subject} — écrit avec soin 🚀</p>`,
  from: 'ada@example.com',
  to: 'support@example.com',
  subject,
});

const stateLine = (n: number): string =>
  JSON.stringify({
    type: 'STATE',
    state: {
      type: 'STREAM',
      stream: { stream_descriptor: { name: 'tickets' }, stream_state: { n } },
    },
  });

const recordLine = (data: object): string =>
  JSON.stringify({ type: 'RECORD', record: { stream: 'tickets', data, emitted_at: 1 } });

const posts = (): number =>
  workspace.sandbox.log.filter((entry) => entry.method === 'POST' && entry.status === 201).length;

const readResults = (file: string): Array<Record<string, unknown>> =>
  fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('groove-connector write', () => {
  it('creates one ticket per record, plain or RECORD, and names a malformed line in its failed result', async () => {
    const results = `${workspace.dir}/results.jsonl`;
    const stdin = [
      JSON.stringify(ticket('Plain record')),
      stateLine(1),
      '{"body": "cut off',
      recordLine(ticket('Airbyte record')),
      stateLine(2),
    ].join('\n');
    workspace.sandbox.clearLog();

    const run = await workspace.run(
      [
        'write',
        '--credential',
        workspace.credential(),
        '--config',
        workspace.file('create.json', CREATE_TICKETS),
        '--results',
        results,
      ],
      { stdin },
    );

    expect(run.code).toBe(ExitCode.someRecordsFailed);
    const lines = readResults(results);
    expect(lines.map((line) => [line['line'], line['status']])).toEqual([
      [1, 'created'],
      [3, 'failed'],
      [4, 'created'],
    ]);
    expect(lines[1]).toMatchObject({
      error: { code: 'invalid_input', message: 'Line 3 is not valid JSON.' },
    });
    for (const line of [lines[0], lines[2]]) {
      const created = workspace.sandbox.data.ticket(Number(line?.['ticket_number']));
      expect(created?.['title']).toBeDefined();
    }
    expect(posts()).toBe(2);
    const messages = protocolMessages(run.stdout);
    expect(ofType(messages, 'STATE')).toHaveLength(2);
    expect(
      String(messages.at(-1)?.['log'] && (messages.at(-1)?.['log'] as { message: string }).message),
    ).toContain('2 created, 0 updated, 0 failed, 0 unknown; 1 input lines were not records');
  });

  it('exits 0 when every record was written', async () => {
    const run = await workspace.run(
      [
        'write',
        '--credential',
        workspace.credential(),
        '--config',
        workspace.file('create.json', CREATE_TICKETS),
      ],
      { stdin: `${JSON.stringify(ticket('All good'))}\n` },
    );

    expect(run.code).toBe(ExitCode.success);
    expect(protocolMessages(run.stdout).map((message) => message.type)).toEqual(['LOG']);
  });

  it('echoes a STATE only once the records before it are written', async () => {
    workspace.sandbox.clearLog();
    const child = spawnCli(
      [
        'write',
        '--credential',
        workspace.credential(),
        '--config',
        workspace.file('create.json', CREATE_TICKETS),
      ],
      { keepStdinOpen: true },
    );
    const done = finished(child);

    child.stdin?.write(`${JSON.stringify(ticket('Before the state 1'))}\n`);
    child.stdin?.write(`${JSON.stringify(ticket('Before the state 2'))}\n${stateLine(7)}\n`);
    await new Promise<void>((resolve) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('"STATE"')) resolve();
      });
    });
    const createdWhenEchoed = posts();
    child.stdin?.end();
    const run = await done;

    expect(createdWhenEchoed).toBe(2);
    expect(run.code).toBe(ExitCode.success);
  });

  it('sends nothing in a dry run and reports the requests it would send', async () => {
    const results = `${workspace.dir}/dry.jsonl`;
    workspace.sandbox.clearLog();

    const run = await workspace.run(
      [
        'write',
        '--credential',
        workspace.credential(),
        '--config',
        workspace.file('create.json', CREATE_TICKETS),
        '--dry-run',
        '--results',
        results,
      ],
      { stdin: `${JSON.stringify(ticket('Only a rehearsal'))}\n` },
    );

    expect(run.code).toBe(ExitCode.success);
    expect(workspace.sandbox.log).toEqual([]);
    expect(readResults(results)).toEqual([
      expect.objectContaining({
        line: 1,
        status: 'dry_run',
        request: expect.objectContaining({ method: 'POST', path: '/tickets' }),
      }),
    ]);
  });

  it('ends with a config_error TRACE and exit 2 when Groove rejects the key', async () => {
    const run = await workspace.run(
      [
        'write',
        '--credential',
        workspace.credential('revoked'),
        '--config',
        workspace.file('create.json', CREATE_TICKETS),
      ],
      { stdin: `${JSON.stringify(ticket('Never written'))}\n` },
    );

    expect(run.code).toBe(ExitCode.configuration);
    const last = protocolMessages(run.stdout).at(-1);
    expect(last?.['trace']).toMatchObject({
      error: { failure_type: 'config_error', internal_message: 'authentication_failed' },
    });
    expect(run.stdout + run.stderr).not.toContain(workspace.sandbox.tokens.revoked);
  });

  it('refuses a results file that is one of its inputs, leaving the credential intact', async () => {
    const credential = workspace.credential('admin', 'results-clash.credential.json');
    const before = fs.readFileSync(credential, 'utf8');

    const run = await workspace.run(
      [
        'write',
        '--credential',
        credential,
        '--config',
        workspace.file('create.json', CREATE_TICKETS),
        '--results',
        credential,
      ],
      { stdin: `${JSON.stringify(ticket('Never written'))}\n` },
    );

    expect(run.code).toBe(ExitCode.configuration);
    expect(run.stdout).toContain('--results');
    expect(fs.readFileSync(credential, 'utf8')).toBe(before);
  });

  it('reads a credential file that starts with a byte-order mark', async () => {
    const bom = `\uFEFF${fs.readFileSync(workspace.credential(), 'utf8')}`;
    const run = await workspace.run(
      [
        'write',
        '--credential',
        workspace.file('bom.credential.json', bom),
        '--config',
        workspace.file('create.json', CREATE_TICKETS),
        '--dry-run',
      ],
      { stdin: `${JSON.stringify(ticket('Dry'))}\n` },
    );

    expect(run.code).toBe(ExitCode.success);
  });

  it('refuses a bad destination form with exit 2, naming the field, before reading stdin', async () => {
    const run = await workspace.run(
      [
        'write',
        '--credential',
        workspace.credential(),
        '--config',
        workspace.file('bad.json', { operation: 'delete_everything' }),
      ],
      { stdin: `${JSON.stringify(ticket('Never written'))}\n` },
    );

    expect(run.code).toBe(ExitCode.configuration);
    const trace = protocolMessages(run.stdout).at(-1)?.['trace'] as { error: { message: string } };
    expect(trace.error.message).toContain('Operation');
  });

  it.each([
    ['SIGTERM', ExitCode.interruptedBySigterm],
    ['SIGINT', ExitCode.interruptedBySigint],
  ] as const)(
    'stops on %s while waiting for input, ending on the last state whose records are written',
    async (signal, code) => {
      const child = spawnCli(
        [
          'write',
          '--credential',
          workspace.credential(),
          '--config',
          workspace.file('create.json', CREATE_TICKETS),
        ],
        { keepStdinOpen: true },
      );
      const done = finished(child);
      child.stdin?.write(`${JSON.stringify(ticket(`Before ${signal}`))}\n${stateLine(9)}\n`);
      await new Promise<void>((resolve) => {
        child.stdout?.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('"STATE"')) resolve();
        });
      });

      child.kill(signal);
      const run = await done;

      expect(run.code).toBe(code);
      const messages = protocolMessages(run.stdout);
      const states = ofType(messages, 'STATE');
      expect(states.length).toBeGreaterThan(0);
      expect(messages.at(-1)).toEqual(JSON.parse(stateLine(9)));
      expect(ofType(messages, 'TRACE')).toEqual([]);
    },
  );

  it('never prints the key', () => {
    expect(workspace.printed()).not.toContain(workspace.sandbox.tokens.admin);
  });
});
