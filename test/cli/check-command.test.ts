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

const statusOf = (stdout: string): { status: string; message: string } => {
  const [message] = ofType(protocolMessages(stdout), 'CONNECTION_STATUS');
  return message?.['connectionStatus'] as { status: string; message: string };
};

describe('groove-connector check', () => {
  it('answers SUCCEEDED and exits 0 for an admin key', async () => {
    const run = await workspace.run(['check', '--credential', workspace.credential('admin')]);

    expect(run.code).toBe(ExitCode.success);
    expect(protocolMessages(run.stdout)).toHaveLength(1);
    expect(statusOf(run.stdout)).toMatchObject({
      status: 'SUCCEEDED',
      message: expect.stringContaining('Groove accepted the API key'),
    });
  });

  it.each([
    ['an expired key', 'expired', /rejected the API key/],
    ['a revoked key', 'revoked', /rejected the API key/],
    ["a non-admin agent's key", 'agent', /admin/],
  ] as const)('answers FAILED and exits 2 for %s', async (_name, token, words) => {
    const run = await workspace.run(['check', '--credential', workspace.credential(token)]);

    expect(run.code).toBe(ExitCode.configuration);
    expect(statusOf(run.stdout).status).toBe('FAILED');
    expect(statusOf(run.stdout).message).toMatch(words);
    expect(run.stdout + run.stderr).not.toContain(workspace.sandbox.tokens[token]);
  });

  it('answers FAILED naming the field, sending nothing, for a credential that does not validate', async () => {
    const file = workspace.file('typo.credential.json', {
      credential_name: 'Typo',
      api_key: 'has a space',
      api_base_url: workspace.sandbox.url,
    });
    workspace.sandbox.clearLog();

    const run = await workspace.run(['check', '--credential', file]);

    expect(run.code).toBe(ExitCode.configuration);
    expect(statusOf(run.stdout)).toMatchObject({
      status: 'FAILED',
      message: expect.stringContaining('API Key Value'),
    });
    expect(workspace.sandbox.log).toEqual([]);
  });

  it('warns before the key expires, from api_key_created_on', async () => {
    const createdOn = new Date(Date.now() - 350 * 86_400_000).toISOString().slice(0, 10);
    const file = workspace.file('aging.credential.json', {
      credential_name: 'Aging',
      api_key: workspace.sandbox.tokens.admin,
      api_key_created_on: createdOn,
      api_base_url: workspace.sandbox.url,
    });

    const run = await workspace.run(['check', '--credential', file]);

    expect(run.code).toBe(ExitCode.success);
    const [warning] = ofType(protocolMessages(run.stdout), 'LOG');
    expect(warning?.['log']).toMatchObject({
      level: 'WARN',
      message: expect.stringContaining('expires on'),
    });
  });

  it('answers FAILED and exits 1 when Groove cannot be reached', async () => {
    const down = await Workspace.start();
    const url = down.sandbox.url;
    await down.close();
    const file = workspace.file('down.credential.json', {
      credential_name: 'Down',
      api_key: workspace.sandbox.tokens.admin,
      api_base_url: url,
    });

    const run = await workspace.run(['check', '--credential', file]);

    expect(run.code).toBe(ExitCode.failure);
    expect(statusOf(run.stdout).status).toBe('FAILED');
  });

  it('takes the key from GROOVE_API_KEY over the one in the file', async () => {
    const file = workspace.file('placeholder.credential.json', {
      credential_name: 'Placeholder',
      api_key: 'placeholder-key-0000',
      api_base_url: workspace.sandbox.url,
    });

    const run = await workspace.run(['check', '--credential', file], {
      env: { GROOVE_API_KEY: workspace.sandbox.tokens.admin },
    });

    expect(run.code).toBe(ExitCode.success);
  });

  it('never prints the key', () => {
    expect(workspace.printed()).not.toContain(workspace.sandbox.tokens.admin);
  });
});
