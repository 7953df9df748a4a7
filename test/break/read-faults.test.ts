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
          // Tickets changed during the first read after it had passed them are the next read's.
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
        // None lost: every ticket in its current version (a ticket that moved during the first
        // read may also show in the version that read met), and every message.
        const missingVersions = truth.tickets.filter((key) => !tickets.includes(key));
        expect(missingVersions).toEqual([]);
        expect(sorted([...new Set(tickets.map(numberOf))])).toEqual(
          sorted(truth.tickets.map(numberOf)),
        );
        expect(sorted(messageIds)).toEqual(sorted(truth.messageIds));
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
