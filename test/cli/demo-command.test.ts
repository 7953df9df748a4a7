import { ExitCode } from '../../src/cli/exit-codes';
import { ensureBuiltCli } from './helpers/built-cli';
import { runCli } from './helpers/run-cli';

beforeAll(ensureBuiltCli, 180_000);

describe('groove-connector demo', () => {
  it('runs the whole job on the sandbox, tells what changed, and exits 0', async () => {
    const run = await runCli(['demo', '--tickets', '40', '--seed', '3']);

    expect(run.code).toBe(ExitCode.success);
    const steps = [
      '1. Check the credential',
      '2. Discover the streams',
      '3. Read tickets and messages',
      '4. Create a ticket',
      '5. Reply to it',
      '6. Read again, incrementally',
    ];
    for (const step of steps) expect(run.stdout).toContain(step);
    expect(run.stdout).toContain('Groove accepted the API key');
    expect(run.stdout).toMatch(/40 tickets, [\d,]+ messages/);
    expect(run.stdout).toContain('only what changed: 1 ticket, 2 messages');
    expect(run.stdout).toContain('ticket #41 "Printer on fire (demo)"');
    expect(run.stdout).toMatch(/Done: 6 steps, [\d,]+ requests to the sandbox/);
    expect(run.stdout).toContain('Every request carried the key in its Authorization header');
  }, 60_000);

  it('prints no token: nothing that looks like the sandbox key appears anywhere', async () => {
    const run = await runCli(['demo', '--tickets', '5']);

    expect(run.code).toBe(ExitCode.success);
    expect(run.stdout + run.stderr).not.toMatch(/[0-9a-f]{32,}/i);
  }, 60_000);

  it('refuses a malformed --tickets with the configuration exit code', async () => {
    const run = await runCli(['demo', '--tickets', 'lots']);

    expect(run.code).toBe(ExitCode.configuration);
    expect(run.stderr).toContain('--tickets: must be a whole number from 1 to 100000');
  });
});
