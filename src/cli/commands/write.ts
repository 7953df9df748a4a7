import path from 'node:path';
import fs from 'node:fs/promises';
import type { WriteSummary } from '../../destination/results';
import { write } from '../../destination/write';
import type { CliContext, Command } from '../command';
import { ExitCode, type ExitCodeValue } from '../exit-codes';
import { flagError, type FlagValues, stringFlag } from '../flags';
import { readInputLines } from '../input-lines';
import { loadCredentialAndForm } from '../inputs';
import { Progress } from '../progress';
import { logMessage } from '../protocol';
import { WriteSession } from '../write-session';
import { CREDENTIAL_FLAG, configFlag } from '../form-flags';

export const writeCommand: Command = {
  name: 'write',
  summary: 'Write the records read from stdin into Groove, one result per record.',
  usage: 'write --credential FILE --config FILE [--dry-run] [--results FILE]',
  details: [
    'stdin: one record per line, an Airbyte RECORD message (its record.data) or a plain JSON',
    'object. A line that is not a JSON object gets a failed result naming its line number.',
    'STATE messages in the input are echoed on stdout once every record before them is written.',
    'stdout: STATE echoes, a LOG line per failed or unknown record, and a LOG summary.',
    '--config is the destination form (schemas/destination.schema.json), e.g.',
    '  {"operation":"create_ticket"}',
    'The key comes from the credential file or GROOVE_API_KEY, which overrides it.',
  ].join('\n'),
  flags: {
    credential: CREDENTIAL_FLAG,
    config: configFlag('destination'),
    'dry-run': {
      type: 'boolean',
      description:
        'Validate and map every record and report the requests it would send; send none.',
    },
    results: {
      type: 'string',
      valueName: 'FILE',
      description:
        'Write one JSON line per record line: {"line":N,"status":"created"|"updated"|"failed"|"unknown"|"dry_run",...}.',
    },
  },
  protocol: true,
  run: runWrite,
};

async function runWrite(values: FlagValues, context: CliContext): Promise<ExitCodeValue> {
  const { logger, signal, messages } = context;
  const { credential, form: config } = await loadCredentialAndForm(values, context);
  const resultsFile = stringFlag(values, 'results');
  if (resultsFile !== undefined) {
    refuseOverwrite(resultsFile, [String(values['credential']), String(values['config'])]);
  }
  const results = await openResults(resultsFile);

  const session = new WriteSession(messages, results);
  const progress = new Progress(
    context.terminal,
    values['dry-run'] === true ? 'dry run' : 'writing',
  );
  async function* records(): AsyncGenerator<Record<string, unknown>> {
    for await (const input of readInputLines(context.stdin, signal)) {
      if (input.kind === 'ignored') {
        logger.debug('input line passed over', { line: input.line, type: input.type });
        continue;
      }
      await session.read(input);
      if (input.kind === 'record') yield input.data;
    }
  }

  let summary: WriteSummary | undefined;
  try {
    const options = { signal, logger, dryRun: values['dry-run'] === true };
    for await (const message of write(credential, config, records(), options)) {
      if (message.type === 'summary') {
        summary = message;
        continue;
      }
      await session.resolve(message);
      progress.count(message.status);
    }
  } finally {
    progress.finish();
    await session.release();
    if (summary !== undefined) {
      await messages.write(logMessage('INFO', describe(summary, session.malformed)));
    }
    if (context.interruptedExitCode() !== undefined) await session.repeatLastState();
    await closeResults(results);
  }

  const troubled =
    (summary?.counts.failed ?? 0) + (summary?.counts.unknown ?? 0) + session.malformed;
  return troubled > 0 ? ExitCode.someRecordsFailed : ExitCode.success;
}

/** --results opens its file for writing: naming an input there would wipe it (the key too). */
function refuseOverwrite(results: string, inputs: string[]): void {
  const target = path.resolve(results);
  if (inputs.some((input) => path.resolve(input) === target)) {
    throw flagError('--results', `${results} is one of the input files; name another file.`);
  }
}

async function openResults(file: string | undefined): Promise<NodeJS.WritableStream | undefined> {
  if (file === undefined) return undefined;
  try {
    const handle = await fs.open(file, 'w');
    return handle.createWriteStream();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unwritable';
    throw flagError('--results', `${file} cannot be written (${code}).`);
  }
}

function closeResults(results: NodeJS.WritableStream | undefined): Promise<void> {
  if (results === undefined) return Promise.resolve();
  return new Promise((resolve) => results.end(resolve));
}

function describe(summary: WriteSummary, malformed: number): string {
  const { counts } = summary;
  const verb = summary.dry_run ? 'Dry run of' : 'Wrote';
  const outcome = summary.dry_run
    ? `${counts.dry_run} would be sent`
    : `${counts.created} created, ${counts.updated} updated, ${counts.failed} failed, ${counts.unknown} unknown`;
  const badLines = malformed > 0 ? `; ${malformed} input lines were not records` : '';
  const stopped = summary.stopped === null ? '' : `; stopped early (${summary.stopped.code})`;
  return `${verb} ${summary.records} ${summary.operation} records: ${outcome}${badLines}${stopped}; ${summary.requests} requests.`;
}
