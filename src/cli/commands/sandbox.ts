import { runSandboxCommand } from '../../sandbox';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import type { FlagSpecs } from '../flags';

const flags: FlagSpecs = {
  port: {
    type: 'string',
    valueName: 'N',
    description: 'Port on 127.0.0.1; 0 (the default) picks a free one.',
  },
  seed: {
    type: 'string',
    valueName: 'N',
    description: 'Seed of the generated data; the same seed serves the same data.',
  },
  tickets: { type: 'string', valueName: 'N', description: 'How many tickets the account holds.' },
  'rate-limit': {
    type: 'string',
    valueName: 'N',
    description:
      'Requests per minute per token before 429 with Retry-After; 0 (the default) is off.',
  },
  'latency-ms': {
    type: 'string',
    valueName: 'N|MIN-MAX',
    description: 'Delay added to every answer, fixed or jittered.',
  },
  faults: {
    type: 'string',
    valueName: 'SPEC',
    description:
      'Faults to inject, e.g. 500:0.1,reset-after:0.05,hang:0.01,malformed:0.05,html:0.02,shuffle:0.1',
  },
};

export const sandboxCommand: Command = {
  name: 'sandbox',
  summary: 'Serve the offline Groove sandbox on loopback until SIGINT or SIGTERM.',
  usage:
    'sandbox [--port N] [--seed N] [--tickets N] [--rate-limit N] [--latency-ms N|MIN-MAX] [--faults SPEC]',
  details: [
    'Prints one JSON line on stdout, {"url":...,"tokens":{"admin":...,"agent":...,"expired":...,',
    '"revoked":...}}, then serves Groove REST v1 under <url>/v1 on 127.0.0.1 only.',
    'Put the url in a credential as api_base_url and a token as api_key to run the other commands on it.',
  ].join('\n'),
  flags,
  protocol: false,
  async run(values, context) {
    // The sandbox parses its own flags; these were checked against the list above already.
    const args = Object.keys(flags).flatMap((name) => {
      const value = values[name];
      return typeof value === 'string' ? [`--${name}`, value] : [];
    });

    // It stops on the CLI's interrupt signal rather than listening to the process itself.
    const signals = {
      once: (_event: string, listener: () => void) =>
        context.signal.addEventListener('abort', listener, { once: true }),
      removeListener: (_event: string, listener: () => void) =>
        context.signal.removeEventListener('abort', listener),
    };
    const code = await runSandboxCommand(args, {
      stdout: context.stdout,
      stderr: process.stderr,
      signals,
    });
    if (code === 0) return ExitCode.success;
    return code === 2 ? ExitCode.configuration : ExitCode.failure;
  },
};
