#!/usr/bin/env node
// `groove-connector`: the connector outside a host. Protocol messages on stdout, logs on stderr.
import { COMMANDS } from './commands';
import { ExitCode } from './exit-codes';
import { PROGRAM, programHelp } from './help';
import { packageVersion } from './package-info';
import { runCommand } from './run-command';

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;

  if (name === '--version' || name === '-v') {
    process.stdout.write(`${packageVersion()}\n`);
    return ExitCode.success;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${programHelp(COMMANDS, packageVersion())}\n`);
    return ExitCode.success;
  }

  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command === undefined) {
    const said = name === undefined ? 'No command given.' : `Unknown command "${name}".`;
    process.stderr.write(`${said}\n\n${programHelp(COMMANDS, packageVersion())}\n`);
    return ExitCode.configuration;
  }
  return runCommand(command, rest);
}

void main(process.argv.slice(2)).then(
  (code) => exitAfterFlush(code),
  (error: unknown) => {
    // runCommand reports every failure itself; reaching here means the reporting failed.
    process.stderr.write(`${PROGRAM}: ${error instanceof Error ? error.message : 'failed'}\n`);
    exitAfterFlush(ExitCode.failure);
  },
);

/** Exits once stdout has taken everything, even if a socket or timer would keep Node alive. */
function exitAfterFlush(code: number): void {
  process.stdout.write('', () => process.exit(code));
}
