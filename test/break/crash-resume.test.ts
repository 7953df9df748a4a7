import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import type { SourceMessage } from '../../src/source/messages';
import type { SourceState } from '../../src/source/state/state';
import { ensureBuiltCli } from '../cli/helpers/built-cli';
import { committedLines, recordLines, runCliUntil } from './support/cli-runs';
import { Figures } from './support/figures';
import { LeakScanner } from './support/leak-scanner';
import { SeededRandom, SEEDS } from './support/random';
import {
  breakClient,
  breakCredential,
  committed,
  lastStateOf,
  runRead,
  scanningLogger,
} from './support/reads';

const figures = new Figures('crash-resume');
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groove-break-'));
  await ensureBuiltCli();
}, 300_000);

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  figures.report();
});

const STREAMS = ['tickets', 'messages', 'customers'];

const config = (syncMode: string) => ({
  streams: STREAMS.map((name) => ({ name })),
  sync_mode: syncMode,
  requests_per_minute: 0,
});

/** Every record the sandbox serves for the streams read, as stream/key. */
function sandboxKeys(sandbox: Sandbox): string[] {
  const keys: string[] = [];
  for (const ticket of sandbox.data.tickets()) {
    const number = Number(ticket['number']);
    keys.push(`tickets/${number}`);
    for (const id of sandbox.data.messageIds(number)) keys.push(`messages/${id}`);
  }
  for (const customer of sandbox.data.customers())
    keys.push(`customers/${String(customer['email'])}`);
  return keys.sort();
}

function keyOf(stream: string, record: Record<string, unknown>): string {
  const key =
    stream === 'tickets'
      ? record['number']
      : stream === 'messages'
        ? record['id']
        : record['email'];
  return `${stream}/${String(key)}`;
}

const sorted = (keys: readonly string[]): string[] => [...keys].sort();

const recordKeys = (messages: readonly SourceMessage[]): string[] =>
  messages.flatMap((message) =>
    message.type === 'RECORD' ? [keyOf(message.stream, message.record)] : [],
  );

/**
 * Where a run is stopped: on even runs at a message of the biggest ticket not yet kept, before
 * its last page (the stop then falls inside the ticket); on odd runs at the n-th message the
 * run emits, wherever that is. The read goes on to its next step and throws there.
 */
function stopPoint(
  run: number,
  random: SeededRandom,
  big: readonly string[],
  kept: ReadonlySet<string>,
): (message: SourceMessage) => boolean {
  const left = big.slice(0, big.length - 50).filter((id) => !kept.has(`messages/${id}`));
  const isMessage = (message: SourceMessage): message is SourceMessage & { type: 'RECORD' } =>
    message.type === 'RECORD' && message.stream === 'messages';
  if (run % 2 === 0 && left.length > 0) {
    const id = random.pick(left);
    return (message) => isMessage(message) && message.record['id'] === id;
  }
  const nth = random.int(1, 60);
  let seen = 0;
  return (message) => isMessage(message) && ++seen === nth;
}

/** The ticket with the most messages, and its message ids in Groove's order. */
function biggestTicket(sandbox: Sandbox): string[] {
  let biggest: string[] = [];
  for (const number of sandbox.data.ticketNumbers()) {
    const ids = sandbox.data.messageIds(number);
    if (ids.length > biggest.length) biggest = [...ids];
  }
  return biggest;
}

/** Whether a state stopped inside a ticket, past its record and some of its message pages. */
const insideATicket = (state: SourceState | undefined): boolean =>
  state?.streams['messages']?.scan?.inner !== undefined;

describe('reads stopped at random points and resumed from their last checkpoint', () => {
  it.each(SEEDS.map((seed) => [seed]))(
    'seed %i: reads cancelled inside tickets’ message pages and resumed emit every record once, none twice',
    async (seed) => {
      const random = new SeededRandom(seed);
      const sandbox = await startSandbox({ seed, tickets: random.int(60, 100) });
      const scanner = new LeakScanner([sandbox.tokens.admin]);
      const logger = scanningLogger(scanner);
      const credential = breakCredential(sandbox.tokens.admin, sandbox.url);
      const syncMode = random.chance(0.5) ? 'incremental' : 'full_refresh';
      // More than one page of messages: stops in it fall before its last page.
      const big = biggestTicket(sandbox);
      expect(big.length).toBeGreaterThan(50);

      try {
        const kept: SourceMessage[] = [];
        const keptKeys = new Set<string>();
        let state: SourceState | undefined;
        let stops = 0;
        let stopsInside = 0;
        for (let run = 0; run < 12; run += 1) {
          const abortWhen = run < 4 ? stopPoint(run, random, big, keptKeys) : undefined;
          const outcome = await runRead(credential, config(syncMode), {
            client: breakClient(credential, random, logger),
            logger,
            scanner,
            ...(state === undefined ? {} : { state }),
            ...(abortWhen === undefined ? {} : { abortWhen }),
          });
          if (outcome.error === undefined) {
            kept.push(...outcome.messages);
            break;
          }
          expect(outcome.error).toMatchObject({ code: 'cancelled' });
          stops += 1;
          // The host keeps only what the last STATE covers, and resumes from it.
          const upToCheckpoint = committed(outcome.messages);
          kept.push(...upToCheckpoint);
          for (const key of recordKeys(upToCheckpoint)) keptKeys.add(key);
          state = lastStateOf(upToCheckpoint) ?? state;
          if (insideATicket(state)) stopsInside += 1;
        }

        const keys = recordKeys(kept);
        expect(stops).toBeGreaterThan(0);
        expect(stopsInside).toBeGreaterThan(0);
        // None twice at all: not a ticket, not a message.
        expect(keys.length).toBe(new Set(keys).size);
        expect(sorted(keys)).toEqual(sandboxKeys(sandbox));
        expect(scanner.leaks).toEqual([]);
        figures.scenarios += 1;
        figures.faults += stops;
        figures.records += keys.length;
        figures.scanned += scanner.scanned;
      } finally {
        await sandbox.close();
      }
    },
    60_000,
  );

  it.each(
    SEEDS.slice(0, 4).map(
      (seed, index) => [seed, index % 2 === 0 ? 'SIGKILL' : 'SIGTERM'] as const,
    ),
  )(
    'seed %i: a CLI read killed with %s mid-stream and resumed with its STATE lines emits every record once',
    async (seed, signal) => {
      const random = new SeededRandom(seed);
      const sandbox = await startSandbox({ seed, tickets: 60 });
      const scanner = new LeakScanner([sandbox.tokens.admin]);
      const credentialFile = path.join(dir, `credential-${seed}.json`);
      const configFile = path.join(dir, `config-${seed}.json`);
      fs.writeFileSync(
        credentialFile,
        JSON.stringify(breakCredential(sandbox.tokens.admin, sandbox.url)),
      );
      fs.writeFileSync(configFile, JSON.stringify(config('incremental')));
      const total = sandboxKeys(sandbox).length;

      try {
        const keys: string[] = [];
        const stateLines: Array<Record<string, unknown>> = [];
        let kills = 0;
        for (let run = 0; run < 6; run += 1) {
          const args = ['read', '--credential', credentialFile, '--config', configFile];
          if (stateLines.length > 0) {
            const stateFile = path.join(dir, `state-${seed}-${run}.json`);
            fs.writeFileSync(stateFile, JSON.stringify(stateLines));
            args.push('--state', stateFile);
          }
          const killAfter = run < 2 ? random.int(5, Math.floor(total / 2)) : undefined;
          const outcome = await runCliUntil(args, killAfter, signal);
          scanner.text(`cli run ${run} stdout`, outcome.stdout);
          scanner.text(`cli run ${run} stderr`, outcome.stderr);

          const finished = outcome.code === 0;
          const lines = finished ? outcome.lines : committedLines(outcome.lines);
          for (const record of recordLines(lines)) keys.push(keyOf(record.stream, record.data));
          stateLines.push(...lines.filter((line) => line['type'] === 'STATE'));
          if (finished) break;
          kills += 1;
        }

        expect(kills).toBeGreaterThan(0);
        expect(keys.length).toBe(new Set(keys).size);
        expect(sorted(keys)).toEqual(sandboxKeys(sandbox));
        expect(scanner.leaks).toEqual([]);
        figures.scenarios += 1;
        figures.faults += kills;
        figures.records += keys.length;
        figures.scanned += scanner.scanned;
      } finally {
        await sandbox.close();
      }
    },
    120_000,
  );
});
