import { runDemo } from '../../demo/run-demo';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { integerFlag, stringFlag } from '../flags';
import { createStderrLogger, isLogLevel } from '../stderr-logger';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Show the connector at work on the offline sandbox (what `npm start` runs).',
  usage: 'demo [--tickets N] [--seed N]',
  details: [
    'Starts the sandbox on a free loopback port, makes a credential with its admin token,',
    'checks it, discovers the streams, reads tickets and their messages, creates a ticket and',
    'a reply, reads again incrementally (only what changed), prints a summary with the requests',
    'each step spent, and stops the sandbox. stdout is for people here, not protocol messages.',
  ].join('\n'),
  flags: {
    tickets: {
      type: 'string',
      valueName: 'N',
      description: 'Tickets in the sandbox account (default 300).',
    },
    seed: { type: 'string', valueName: 'N', description: 'Seed of the sandbox data (default 1).' },
  },
  protocol: false,
  async run(values, context) {
    const tickets = integerFlag(values, 'tickets', { min: 1, max: 100_000 }) ?? 300;
    const seed = integerFlag(values, 'seed', { min: 0, max: 2 ** 31 - 1 }) ?? 1;
    // The demo speaks on stdout; its logger says only what went wrong unless asked for more.
    const asked = stringFlag(values, 'log-level') ?? context.env['GROOVE_LOG_LEVEL'];
    const level = asked !== undefined && isLogLevel(asked) ? asked : 'warn';
    const logger = createStderrLogger(context.terminal, level, context.secrets);

    await runDemo({
      tickets,
      seed,
      signal: context.signal,
      logger,
      say: (line) => context.stdout.write(`${line}\n`),
    });
    return ExitCode.success;
  },
};
