import fs from 'node:fs';
import path from 'node:path';
import { COMMANDS } from '../../src/cli/commands';
import { ExitCode } from '../../src/cli/exit-codes';
import { ensureBuiltCli, REPO_ROOT } from './helpers/built-cli';
import { ofType, protocolMessages } from './helpers/protocol-schema';
import { runCli } from './helpers/run-cli';

beforeAll(ensureBuiltCli, 180_000);

const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8')) as Record<string, unknown>;

describe('groove-connector, its help and its version', () => {
  it('prints the package version for --version', async () => {
    const run = await runCli(['--version']);

    expect(run.code).toBe(ExitCode.success);
    expect(run.stdout.trim()).toBe(readJson('package.json')['version']);
  });

  it('lists every command and the exit codes for --help', async () => {
    const run = await runCli(['--help']);

    expect(run.code).toBe(ExitCode.success);
    for (const command of COMMANDS) expect(run.stdout).toContain(`  ${command.name} `);
    expect(run.stdout).toContain('143');
  });

  it.each(COMMANDS.map((command) => [command.name]))(
    'prints the usage and flags of `%s --help` and exits 0',
    async (name) => {
      const run = await runCli([name, '--help']);

      expect(run.code).toBe(ExitCode.success);
      expect(run.stdout).toContain(`Usage: groove-connector ${name}`);
      expect(run.stdout).toContain('--log-level LEVEL');
    },
  );

  it('exits with the configuration code and the list of commands for an unknown command', async () => {
    const run = await runCli(['reed']);

    expect(run.code).toBe(ExitCode.configuration);
    expect(run.stderr).toContain('Unknown command "reed"');
    expect(run.stdout).toBe('');
  });
});

describe('command-line errors', () => {
  it.each([
    [['spec', '--port', '3'], '--port', 'not a flag of this command'],
    [['spec', 'extra'], 'arguments', 'takes only flags'],
    [['spec', '--log-level', 'loud'], '--log-level', 'must be one of debug, info, warn, error'],
    [['spec', '--api-key=abc123secret'], '--api-key', 'GROOVE_API_KEY environment variable'],
    [['spec', '--token', 'abc123secret'], '--token', 'shows in process lists'],
  ])('%j ends with a config_error TRACE naming %s', async (args, flag, words) => {
    const run = await runCli(args);

    expect(run.code).toBe(ExitCode.configuration);
    const [trace, ...rest] = protocolMessages(run.stdout);
    expect(rest).toEqual([]);
    expect(trace?.['trace']).toMatchObject({
      type: 'ERROR',
      error: { failure_type: 'config_error', internal_message: 'invalid_input' },
    });
    const { message } = (trace?.['trace'] as { error: { message: string } }).error;
    expect(message).toContain(`${flag}:`);
    expect(message).toContain(words);
    expect(run.stdout + run.stderr).not.toContain('abc123secret');
  });
});

describe('spec', () => {
  it('prints one SPEC message whose connectionSpecification is the credential form', async () => {
    const run = await runCli(['spec']);

    expect(run.code).toBe(ExitCode.success);
    const messages = protocolMessages(run.stdout);
    expect(messages).toHaveLength(1);
    const [spec] = ofType(messages, 'SPEC');
    const manifest = readJson('connector.json') as { schemas: Record<string, string> };
    const body = spec?.['spec'] as Record<string, unknown>;
    expect(body['connectionSpecification']).toEqual(readJson(manifest.schemas['credential'] ?? ''));
  });

  it('carries the source and destination forms the manifest names beside it', async () => {
    const run = await runCli(['spec']);

    const body = protocolMessages(run.stdout)[0]?.['spec'] as Record<string, unknown>;
    const { schemas } = readJson('connector.json') as { schemas: Record<string, string> };
    const expected = {
      sourceSpecification: schemas['source'] && readJson(schemas['source']),
      destinationSpecification: schemas['destination'] && readJson(schemas['destination']),
    };
    expect(body['sourceSpecification']).toEqual(expected.sourceSpecification);
    expect(body['destinationSpecification']).toEqual(expected.destinationSpecification);
  });
});
