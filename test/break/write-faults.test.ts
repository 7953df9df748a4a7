import type { WriteResult } from '../../src/destination/results';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { startFaultProxy, startTrap } from './support/fault-proxy';
import { Figures } from './support/figures';
import { LeakScanner } from './support/leak-scanner';
import { SeededRandom, SEEDS } from './support/random';
import { breakClient, breakCredential, scanningLogger } from './support/reads';
import { faultScenario } from './support/scenarios';
import { runWrite } from './support/writes';

const figures = new Figures('write-faults');
let trap: Awaited<ReturnType<typeof startTrap>>;

beforeAll(async () => {
  trap = await startTrap();
});

afterAll(async () => {
  await trap.close();
  figures.report();
});

const STATES = ['opened', 'pending', 'closed'] as const;

/** How many tickets carry `marker` as their title (created by this suite's records). */
function ticketsTitled(sandbox: Sandbox, marker: string): number[] {
  const numbers: number[] = [];
  for (const ticket of sandbox.data.tickets()) {
    if (ticket['title'] === marker) numbers.push(Number(ticket['number']));
  }
  return numbers;
}

function messagesWith(sandbox: Sandbox, ticketNumber: number, marker: string): string[] {
  return sandbox.data
    .messages(ticketNumber)
    .filter((message) => String(message['plain_text_body'] ?? message['body']).includes(marker))
    .map((message) => String(message['id']));
}

/** Each record has exactly one result, in input order. */
function expectOneResultEach(results: readonly WriteResult[], count: number): void {
  expect(results.map((result) => result.index)).toEqual(Array.from({ length: count }, (_, i) => i));
}

/**
 * Whatever a result says, the sandbox agrees: created = exactly once (with that number), failed
 * = not at all, unknown = once or not at all. Nothing is ever there twice.
 */
function expectConfirmed(status: WriteResult['status'], found: readonly unknown[]): void {
  expect(found.length).toBeLessThanOrEqual(1);
  if (status === 'created') expect(found).toHaveLength(1);
  if (status === 'failed') expect(found).toHaveLength(0);
  expect(['created', 'failed', 'unknown']).toContain(status);
}

describe('writes under faults, one sandbox and one fault mix per seed', () => {
  it.each(SEEDS.map((seed) => [seed]))(
    'seed %i: no ticket or message is created twice and every result is definite or unknown, as the sandbox confirms',
    async (seed) => {
      const scenario = faultScenario(seed, { meta: false });
      const sandbox = await startSandbox({ seed, tickets: 30 });
      const proxy = await startFaultProxy(sandbox.url, trap.url);
      const scanner = new LeakScanner([sandbox.tokens.admin]);
      const random = new SeededRandom(seed);
      const logger = scanningLogger(scanner);
      const credential = breakCredential(sandbox.tokens.admin, proxy.url);
      const mailbox = sandbox.data.mailboxes()[0]?.email ?? 'support@example.com';
      const count = random.int(6, 10);

      try {
        // The sandbox's own faults hit writes only; the proxy adds 429s and empty 200s.
        sandbox.setFaults({
          rules: (scenario.sandboxFaults.rules ?? [])
            .filter((rule) => rule.kind !== 'shuffle')
            .map((rule) => ({ ...rule, rate: Math.min(1, rule.rate * 4) })),
        });
        proxy.setPlan(scenario.planFor(3));

        const tickets = Array.from({ length: count }, (_, i) => ({
          subject: `break ${seed} ticket ${i}`,
          body: `Break suite body ${seed}/${i}`,
          from: `customer+${seed}.${i}@example.com`,
          to: mailbox,
        }));
        const created = await runWrite(credential, { operation: 'create_ticket' }, tickets, {
          client: breakClient(credential, random, logger),
          logger,
          scanner,
        });
        expect(created.error).toBeUndefined();
        expect(created.summaries).toBe(1);
        expectOneResultEach(created.results, count);
        for (const result of created.results) {
          const found = ticketsTitled(sandbox, `break ${seed} ticket ${result.index}`);
          expectConfirmed(result.status, found);
          if (result.status === 'created') expect(found).toEqual([result.ticket_number]);
        }

        const targets = sandbox.data.ticketNumbers().slice(0, count);
        const replies = targets.map((number, i) => ({
          ticket_number: number,
          body: `Break reply ${seed}/${i}`,
          note: true,
        }));
        const messages = await runWrite(credential, { operation: 'create_message' }, replies, {
          client: breakClient(credential, random, logger),
          logger,
          scanner,
        });
        expect(messages.error).toBeUndefined();
        expectOneResultEach(messages.results, replies.length);
        for (const result of messages.results) {
          const reply = replies[result.index];
          const found = messagesWith(
            sandbox,
            reply?.ticket_number ?? 0,
            `Break reply ${seed}/${result.index}`,
          );
          expectConfirmed(result.status, found);
          if (result.status === 'created') expect(found).toEqual([result.message_id]);
        }

        const changes = targets.map((number) => ({
          ticket_number: number,
          state: random.pick(STATES),
        }));
        const updated = await runWrite(credential, { operation: 'update_ticket_state' }, changes, {
          client: breakClient(credential, random, logger),
          logger,
          scanner,
        });
        expect(updated.error).toBeUndefined();
        expectOneResultEach(updated.results, changes.length);
        for (const result of updated.results) {
          // A PUT is safe to repeat: it ends updated (as the sandbox shows) or failed, never unknown.
          expect(['updated', 'failed']).toContain(result.status);
          const change = changes[result.index];
          if (result.status === 'updated' && change !== undefined) {
            expect(sandbox.data.ticket(change.ticket_number)?.['state']).toBe(change.state);
          }
        }

        // The log agrees: every create the sandbox carried out is one ticket or message above.
        const carriedOut = sandbox.log.filter(
          (entry) =>
            entry.method === 'POST' &&
            (entry.status === 201 || entry.fault === 'reset-after' || entry.fault === 'malformed'),
        );
        const stored =
          tickets.filter((_, i) => ticketsTitled(sandbox, `break ${seed} ticket ${i}`).length > 0)
            .length +
          replies.filter(
            (reply, i) =>
              messagesWith(sandbox, reply.ticket_number, `Break reply ${seed}/${i}`).length > 0,
          ).length;
        expect(carriedOut).toHaveLength(stored);

        expect(trap.hits).toEqual([]);
        expect(scanner.leaks).toEqual([]);
        const all = [...created.results, ...messages.results, ...updated.results];
        figures.scenarios += 1;
        figures.records += all.length;
        figures.requests += sandbox.requestCount;
        figures.faults +=
          proxy.injected + sandbox.log.filter((entry) => entry.fault !== null).length;
        figures.scanned += scanner.scanned;
        figures.leaks += scanner.leaks.length;
        for (const result of all) figures.count(result.status);
      } finally {
        await proxy.close();
        await sandbox.close();
      }
    },
    60_000,
  );
});
