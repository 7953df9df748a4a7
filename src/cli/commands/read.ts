import { createGrooveClient } from '../../client/create-client';
import { isCancellation } from '../failure';
import type { LogLevel as SourceLogLevel } from '../../source/messages';
import { read } from '../../source/read';
import { STATE_VERSION } from '../../source/state/state';
import { validateSourceConfig } from '../../source/config';
import type { CliContext, Command } from '../command';
import { countingClient } from '../counting-client';
import { ExitCode, type ExitCodeValue } from '../exit-codes';
import { type FlagValues, stringFlag } from '../flags';
import { loadCredentialAndForm, readJsonFile } from '../inputs';
import { Progress } from '../progress';
import { type AirbyteLogLevel, type AirbyteMessage, logMessage, recordMessage } from '../protocol';
import { type ConnectorState, stateFromFile, StreamStateSplitter } from '../state-file';
import { CREDENTIAL_FLAG, configFlag } from '../form-flags';

const LEVELS: Record<SourceLogLevel, AirbyteLogLevel> = {
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
};

export const readCommand: Command = {
  name: 'read',
  summary: 'Read the configured streams out of Groove as RECORD and STATE messages.',
  usage: 'read --credential FILE --config FILE [--state FILE]',
  details: [
    '--config is the source form (schemas/source.schema.json), e.g.',
    '  {"streams":[{"name":"tickets"},{"name":"messages"}],"sync_mode":"incremental"}',
    'STATE messages are per stream. Keep the latest STATE line of each stream in a JSON array',
    '(or pass all of them: the last per stream wins) and give it to the next read as --state;',
    'an incremental read then emits only what changed. On SIGINT or SIGTERM the read stops,',
    'prints the state of every configured stream to resume from, and exits 130 or 143.',
    'The key comes from the credential file or GROOVE_API_KEY, which overrides it.',
  ].join('\n'),
  flags: {
    credential: CREDENTIAL_FLAG,
    config: configFlag('source'),
    state: {
      type: 'string',
      valueName: 'FILE',
      description:
        'State from an earlier read: a JSON array of STATE messages, or one global state.',
    },
  },
  protocol: true,
  run: runRead,
};

async function runRead(values: FlagValues, context: CliContext): Promise<ExitCodeValue> {
  const { logger, signal, messages } = context;
  const { credential, form: config } = await loadCredentialAndForm(values, context);
  const stateFile = stringFlag(values, 'state');
  const state =
    stateFile === undefined ? undefined : stateFromFile(await readJsonFile(stateFile, '--state'));

  // The pace ceiling is the form's; the client is made here only to watch its counters.
  const settings = validateSourceConfig(config);
  const progress = new Progress(context.terminal, 'reading', () => client.stats.requests);
  const client = countingClient(
    createGrooveClient(credential, {
      requestsPerMinute: settings.requests_per_minute,
      logger,
      signal,
    }),
    ({ path, totalCount }) => {
      // Only a full read emits what a list holds (an incremental one emits what changed), and
      // only a top-level list (`/tickets`, not `/tickets/12/messages`) is a whole stream.
      const stream = path.slice(1);
      const configured = settings.streams.some(({ name }) => name === stream);
      if (settings.sync_mode === 'full_refresh' && configured) progress.total(stream, totalCount);
    },
  );

  const splitter = new StreamStateSplitter();
  let lastState = state as ConnectorState | undefined;
  // Records wait for the checkpoint that covers them (at most a page, or one ticket's messages).
  // An engine commits every record before a STATE line, and the resume point printed after an
  // interrupt is the last checkpoint: a record printed past it would be committed by those lines
  // and read again on resume.
  const uncommitted: AirbyteMessage[] = [];
  try {
    for await (const message of read(credential, config, { state, signal, logger, client })) {
      if (message.type === 'RECORD') {
        uncommitted.push(recordMessage(message.stream, message.record));
        progress.count(message.stream);
      } else if (message.type === 'STATE') {
        lastState = message.state;
        for (const line of uncommitted.splice(0)) await messages.write(line);
        for (const line of splitter.changed(message.state)) await messages.write(line);
      } else {
        await messages.write(logMessage(LEVELS[message.level], message.message));
      }
    }
  } catch (error) {
    const interrupted = context.interruptedExitCode();
    if (interrupted === undefined || !isCancellation(error)) throw error;
    await printResumePoint(context, settings.streams, lastState);
    return interrupted;
  } finally {
    progress.finish();
  }

  logger.info('Read finished', { requests: client.stats.requests });
  return ExitCode.success;
}

/**
 * After an interrupt, every configured stream's state, changed or not, so that the output ends
 * with a complete resume point; a stream with no checkpoint yet gets an empty state (start over).
 */
async function printResumePoint(
  context: CliContext,
  streams: ReadonlyArray<{ name: string }>,
  lastState: ConnectorState | undefined,
): Promise<void> {
  const entries: Record<string, unknown> = {};
  for (const { name } of streams) entries[name] = lastState?.streams[name] ?? {};
  const final: ConnectorState = { version: lastState?.version ?? STATE_VERSION, streams: entries };
  for (const line of new StreamStateSplitter().changed(final)) await context.messages.write(line);
}
