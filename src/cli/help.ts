import type { Command } from './command';
import { ExitCode } from './exit-codes';
import { describeFlags, type FlagSpecs } from './flags';
import { API_KEY_VARIABLE } from './inputs';

export const PROGRAM = 'groove-connector';

export function programHelp(commands: readonly Command[], version: string): string {
  const width = Math.max(...commands.map((command) => command.name.length)) + 2;
  const list = commands.map((command) => `  ${command.name.padEnd(width)}${command.summary}`);
  return [
    `${PROGRAM} ${version}: the Groove connector outside a host.`,
    '',
    `Usage: ${PROGRAM} <command> [flags]`,
    '',
    'Commands:',
    ...list,
    '',
    `Run \`${PROGRAM} <command> --help\` for a command's flags; \`${PROGRAM} --version\` for the version.`,
    `The API key comes from the credential file or ${API_KEY_VARIABLE}, never from a flag.`,
    '',
    exitCodeHelp(),
  ].join('\n');
}

export function commandHelp(command: Command, flags: FlagSpecs): string {
  return [
    `Usage: ${PROGRAM} ${command.usage}`,
    '',
    command.summary,
    '',
    command.details,
    '',
    'Flags:',
    describeFlags(flags),
    '',
    exitCodeHelp(),
  ].join('\n');
}

function exitCodeHelp(): string {
  return [
    'Exit codes:',
    `  ${ExitCode.success}    success`,
    `  ${ExitCode.failure}    runtime failure (Groove, the network, or an unexpected error)`,
    `  ${ExitCode.configuration}    configuration error (flags, files, forms, a key Groove rejected)`,
    `  ${ExitCode.someRecordsFailed}    write finished, but some records failed or have an unknown outcome`,
    `  ${ExitCode.interruptedBySigint}  interrupted by SIGINT, after a clean stop`,
    `  ${ExitCode.interruptedBySigterm}  interrupted by SIGTERM, after a clean stop`,
  ].join('\n');
}
