import { discover } from '../../src/source/discover';
import { ExitCode } from '../../src/cli/exit-codes';
import { ensureBuiltCli } from './helpers/built-cli';
import { ofType, protocolMessages } from './helpers/protocol-schema';
import { Workspace } from './helpers/workspace';

let workspace: Workspace;

beforeAll(async () => {
  await ensureBuiltCli();
  workspace = await Workspace.start();
}, 180_000);

afterAll(() => workspace.close());

describe('groove-connector discover', () => {
  it('prints one CATALOG message with every stream, its schema, key and cursor', async () => {
    const run = await workspace.run(['discover']);

    expect(run.code).toBe(ExitCode.success);
    const messages = protocolMessages(run.stdout);
    expect(messages).toHaveLength(1);
    const catalog = ofType(messages, 'CATALOG')[0]?.['catalog'] as {
      streams: Array<Record<string, unknown>>;
    };
    const expected = discover().streams;
    expect(catalog.streams.map((stream) => stream['name'])).toEqual(expected.map((s) => s.name));
    const tickets = catalog.streams.find((stream) => stream['name'] === 'tickets');
    expect(tickets).toMatchObject({
      supported_sync_modes: ['full_refresh', 'incremental'],
      source_defined_primary_key: [['number']],
      source_defined_cursor: true,
      default_cursor_field: ['updated_at'],
    });
  });

  it('checks a credential it is given, offline, and sends no request', async () => {
    workspace.sandbox.clearLog();

    const run = await workspace.run(['discover', '--credential', workspace.credential()]);

    expect(run.code).toBe(ExitCode.success);
    expect(workspace.sandbox.log).toEqual([]);
  });

  it('refuses an invalid credential file with a config_error naming the field', async () => {
    const file = workspace.file('bad.credential.json', { credential_name: 'x', api_key: '' });

    const run = await workspace.run(['discover', '--credential', file]);

    expect(run.code).toBe(ExitCode.configuration);
    const [trace] = protocolMessages(run.stdout);
    expect(JSON.stringify(trace)).toContain('API Key Value');
    expect(JSON.stringify(trace)).toContain('config_error');
  });

  it('never prints the key', () => {
    expect(workspace.printed()).not.toContain(workspace.sandbox.tokens.admin);
  });
});
