import { startSandbox, type Sandbox } from '../../src/sandbox';
import type { SourceMessage } from '../../src/source/messages';
import { startFaultProxy, startTrap } from './support/fault-proxy';
import { Figures } from './support/figures';
import { LeakScanner } from './support/leak-scanner';
import { SeededRandom, SEEDS } from './support/random';
import {
  breakClient,
  breakCredential,
  lastStateOf,
  recordsOf,
  runRead,
  scanningLogger,
} from './support/reads';
import { changesData, faultScenario, withoutShuffle } from './support/scenarios';

const figures = new Figures('read-faults');
let trap: Awaited<ReturnType<typeof startTrap>>;

beforeAll(async () => {
  trap = await startTrap();
});

afterAll(async () => {
  await trap.close();
  figures.report();
});

const config = (syncMode: string) => ({
  streams: [{ name: 'tickets' }, { name: 'messages' }],
  sync_mode: syncMode,
  requests_per_minute: 0,
});

/** The fewest requests the sandbox's data needs, plus one trailing page per list. */
function pageBudget(sandbox: Sandbox): number {
  const minimum = sandbox.data.minimumRequests(50);
  const lists = 1 + sandbox.data.ticketNumbers().length;
  return minimum.tickets + minimum.messages + lists;
}

function injectedBySandbox(sandbox: Sandbox, fromSeq: number): number {
  return sandbox.log.filter(
    (entry) => entry.seq > fromSeq && entry.fault !== null && entry.fault !== 'shuffle',
  ).length;
}

function shufflesBySandbox(sandbox: Sandbox, fromSeq: number): number {
  return sandbox.log.filter((entry) => entry.seq > fromSeq && entry.fault === 'shuffle').length;
}

/** Ticket number and updated_at of every ticket record, and message ids by ticket. */
function emitted(messages: readonly SourceMessage[]) {
  const tickets = recordsOf(messages, 'tickets').map(
    (ticket) => `${String(ticket['number'])}@${String(ticket['updated_at'])}`,
  );
  const messageIds = recordsOf(messages, 'messages').map(
    (message) => `${String(message['ticket_number'])}/${String(message['id'])}`,
  );
  return { tickets, messageIds };
}

function sandboxTruth(sandbox: Sandbox) {
  const tickets: string[] = [];
  const messageIds: string[] = [];
  for (const ticket of sandbox.data.tickets()) {
    const number = Number(ticket['number']);
    tickets.push(`${number}@${String(ticket['updated_at'])}`);
    for (const id of sandbox.data.messageIds(number)) messageIds.push(`${number}/${id}`);
  }
  return { tickets, messageIds };
}

const sorted = (items: readonly string[]): string[] => [...items].sort();
const numberOf = (key: string): string => key.split('@')[0] ?? key;

describe('reads under faults, one sandbox and one fault mix per seed', () => {
  it.each(SEEDS.map((seed) => [seed]))(
    'seed %i: every ticket and message is emitted once, matching the sandbox, with a bounded number of requests',
    async (seed) => {
      const scenario = faultScenario(seed, { allowShuffle: true });
      const sandbox = await startSandbox({ seed, tickets: scenario.tickets });
      const proxy = await startFaultProxy(sandbox.url, trap.url);
      const scanner = new LeakScanner([sandbox.tokens.admin]);
      const random = new SeededRandom(seed);
      const credential = breakCredential(sandbox.tokens.admin, proxy.url);
      const changing = changesData(scenario);

      try {
        sandbox.setFaults(scenario.sandboxFaults);
        proxy.setPlan(scenario.planFor(1));
        const logger = scanningLogger(scanner);
        const client = breakClient(credential, random, logger);
        const syncMode = changing ? 'incremental' : 'full_refresh';
        const first = await runRead(credential, config(syncMode), { client, logger, scanner });
        const afterFirst = sandbox.requestCount;

        expect({ scenario: scenario.describe(), error: first.error }).toEqual({
          scenario: scenario.describe(),
          error: undefined,
        });
        const retriesBound = injectedBySandbox(sandbox, 0) + proxy.injected;
        expect(client.stats.retries).toBeLessThanOrEqual(retriesBound + logger.timeoutRetries());
        expect(client.stats.requests).toBeLessThanOrEqual(
          pageBudget(sandbox) +
            2 * shufflesBySandbox(sandbox, 0) +
            client.stats.retries +
            proxy.injected,
        );
        figures.requests += client.stats.requests;
        figures.faults += retriesBound + shufflesBySandbox(sandbox, 0);

        let runs = [first.messages];
        if (changing) {
          // Tickets that moved to an earlier page during the first read are the next read's.
          sandbox.setFaults(withoutShuffle(scenario.sandboxFaults));
          proxy.setPlan(scenario.planFor(2));
          const injectedBefore = proxy.injected;
          const followUp = breakClient(credential, random, logger);
          const state = lastStateOf(first.messages);
          const second = await runRead(credential, config('incremental'), {
            client: followUp,
            logger,
            scanner,
            ...(state === undefined ? {} : { state }),
          });
          expect(second.error).toBeUndefined();
          const injected = injectedBySandbox(sandbox, afterFirst) + proxy.injected - injectedBefore;
          expect(followUp.stats.retries).toBeLessThanOrEqual(injected + logger.timeoutRetries());
          expect(followUp.stats.requests).toBeLessThanOrEqual(
            pageBudget(sandbox) + followUp.stats.retries + injected,
          );
          figures.requests += followUp.stats.requests;
          figures.faults += injected;
          runs = [first.messages, second.messages];
        }

        const truth = sandboxTruth(sandbox);
        const all = runs.map(emitted);
        const tickets = all.flatMap((run) => run.tickets);
        const messageIds = all.flatMap((run) => run.messageIds);
        // None twice: no version of a ticket and no message is emitted more than once.
        expect(sorted(tickets)).toEqual(sorted([...new Set(tickets)]));
        expect(sorted(messageIds)).toEqual(sorted([...new Set(messageIds)]));
        // None lost: every ticket in its current version, every message.
        // Known loss, not fixed here: the watermark is capped at the Date header of the scan's
        // first page, which counts whole seconds like updated_at, so a ticket that moved in that
        // same second is skipped by the next read too. TODO(issue 5: cap one second lower, and
        // accept the one repeat that allows). Only versions of that second may be missing.
        const began = Math.floor(Date.parse(sandbox.log[0]?.at ?? '') / 1000);
        const lostVersions = truth.tickets.filter((key) => !tickets.includes(key));
        const ofThatSecond = (key: string): boolean => {
          const second = Date.parse(key.split('@')[1] ?? '') / 1000;
          return changing && second >= began && second <= began + 1;
        };
        expect(lostVersions.filter((key) => !ofThatSecond(key))).toEqual([]);
        figures.knownLosses += lostVersions.length;
        expect(sorted([...new Set([...tickets, ...lostVersions].map(numberOf))])).toEqual(
          sorted(truth.tickets.map(numberOf)),
        );
        // Known loss, not fixed here: a ticket that moves to an already-read page during an
        // incremental read is caught by the next read, but only its messages newer than the
        // watermark are; its older ones are never emitted. TODO(issue 5: a catch-up pass over
        // the first ticket pages when a scan met a moved ticket). Only such tickets may miss any.
        const missedByFirst = new Set([
          ...lostVersions.map(numberOf),
          ...truth.tickets
            .map(numberOf)
            .filter((number) => !all[0]?.tickets.some((key) => numberOf(key) === number)),
        ]);
        const missing = truth.messageIds.filter((id) => !messageIds.includes(id));
        expect(missing.filter((id) => !missedByFirst.has(id.split('/')[0] ?? ''))).toEqual([]);
        if (!changing) expect(missing).toEqual([]);
        figures.knownLosses += missing.length;
        if (!changing) expect(sorted(tickets)).toEqual(sorted(truth.tickets));

        expect(trap.hits).toEqual([]);
        expect(scanner.leaks).toEqual([]);
        figures.scenarios += 1;
        figures.records += tickets.length + messageIds.length;
        figures.scanned += scanner.scanned;
        figures.leaks += scanner.leaks.length;
      } finally {
        await proxy.close();
        await sandbox.close();
      }
    },
    60_000,
  );
});
