import { requireDist } from './lib/paths';
import { startReplay } from './replay-server';
import type {
  CreatedTally,
  Minimum,
  RequestTally,
  SandboxCommand,
  SandboxReady,
  SandboxStart,
} from './lib/sandbox-protocol';

type SandboxModule = typeof import('../src/sandbox');
type Sandbox = Awaited<ReturnType<SandboxModule['startSandbox']>>;

/** Groove's largest page (reference/groove-api.md §6). */
const PER_PAGE = 50;

/** Every request of a run stays in the log, so that tallies are exact. */
const LOG_LIMIT = 10_000_000;

/**
 * The sandbox's own process (see lib/sandbox-process.ts): the built sandbox, driven over IPC.
 * It answers every command with {ok, answer} or {ok: false, error}.
 */
let sandbox: Sandbox | undefined;
let closeReplay: (() => Promise<void>) | undefined;

process.on('message', (command: SandboxCommand) => {
  handle(command).then(
    (answer) => process.send?.({ ok: true, answer }),
    (error: unknown) =>
      process.send?.({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});

async function handle(command: SandboxCommand): Promise<unknown> {
  if (command.command === 'start') return start(command.options);
  const running = sandbox;
  if (running === undefined) throw new Error('the sandbox is not started');

  switch (command.command) {
    case 'mark':
      return { seq: running.requestCount };
    case 'tally':
      return tally(running, command.sinceSeq);
    case 'minimum':
      return minimum(running, command.ticketNumbers);
    case 'change':
      return { changed: await change(running, command.every) };
    case 'created':
      return created(running, command.subjectPrefix);
    case 'replay':
      return replay(running);
    case 'close':
      await closeReplay?.();
      await running.close();
      process.send?.({ ok: true, answer: {} }, () => process.exit(0));
      return new Promise(() => undefined);
  }
}

async function start(options: SandboxStart): Promise<SandboxReady> {
  const { startSandbox } = requireDist<SandboxModule>('sandbox');
  const started = await startSandbox({
    seed: options.seed,
    tickets: options.tickets,
    rateLimitPerMinute: options.rateLimitPerMinute,
    ...(options.latencyMs > 0 ? { latencyMs: options.latencyMs } : {}),
    logLimit: LOG_LIMIT,
  });
  sandbox = started;

  const firstTicket = started.data.ticket(started.data.ticketNumbers()[0] ?? 1);
  const customerHref = String(
    (firstTicket?.['links'] as { customer?: { href?: string } } | undefined)?.customer?.href ?? '',
  );
  const customerEmail = decodeURIComponent(customerHref.split('/').pop() ?? '');
  const mailbox = started.data.mailboxes()[0];
  if (customerEmail === '' || mailbox === undefined) throw new Error('no customer or mailbox');

  return {
    url: started.url,
    adminToken: started.tokens.admin,
    customerEmail,
    mailboxEmail: mailbox.email,
  };
}

function tally(running: Sandbox, sinceSeq: number): RequestTally {
  const counts: RequestTally = {
    total: 0,
    ok: 0,
    rateLimited: 0,
    failed: 0,
    ticketPages: 0,
    messagePages: 0,
    other: 0,
  };
  for (const entry of running.log) {
    if (entry.seq <= sinceSeq) continue;
    counts.total += 1;
    if (entry.status !== null && entry.status >= 200 && entry.status < 300) counts.ok += 1;
    else if (entry.status === 429) counts.rateLimited += 1;
    else counts.failed += 1;

    if (entry.method === 'GET' && entry.path === '/v1/tickets') counts.ticketPages += 1;
    else if (entry.method === 'GET' && /^\/v1\/tickets\/\d+\/messages$/.test(entry.path)) {
      counts.messagePages += 1;
    } else counts.other += 1;
  }
  return counts;
}

/** All ticket pages, plus the message pages of the given tickets (or of every ticket). */
function minimum(running: Sandbox, ticketNumbers: number[] | undefined): Minimum {
  const counts = running.data.counts();
  const ticketPages = Math.max(1, Math.ceil(counts.tickets / PER_PAGE));
  if (ticketNumbers === undefined) {
    return {
      ticketPages,
      messagePages: running.data.minimumRequests(PER_PAGE).messages,
      ticketsWithoutMessages: counts.ticketsWithoutMessages,
    };
  }

  let messagePages = 0;
  let ticketsWithoutMessages = 0;
  for (const number of ticketNumbers) {
    const messages = running.data.messages(number).length;
    messagePages += Math.ceil(messages / PER_PAGE);
    if (messages === 0) ticketsWithoutMessages += 1;
  }
  return { ticketPages, messagePages, ticketsWithoutMessages };
}

/** Records the ticket pages and serves them from memory (see replay-server.ts). */
async function replay(running: Sandbox): Promise<{ url: string }> {
  const { tickets } = running.data.counts();
  const replaying = await startReplay({ url: running.url, token: running.tokens.admin, tickets });
  closeReplay = replaying.close;
  return { url: replaying.url };
}

/** Adds an agent reply to one ticket in `every`, through the sandbox's own API. */
async function change(running: Sandbox, every: number): Promise<number[]> {
  const numbers = running.data.ticketNumbers().filter((_, position) => position % every === 0);
  for (const number of numbers) {
    const response = await fetch(`${running.url}/v1/tickets/${number}/messages`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${running.tokens.admin}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ body: 'Benchmark follow-up: is this still happening?' }),
    });
    if (response.status !== 201 && response.status !== 200) {
      throw new Error(`adding a message to ticket ${number} answered ${response.status}`);
    }
  }
  return numbers;
}

/** Tickets whose subject starts with the prefix, and how many distinct subjects they have. */
function created(running: Sandbox, subjectPrefix: string): CreatedTally {
  const subjects: string[] = [];
  for (const ticket of running.data.tickets()) {
    const title = ticket['title'];
    if (typeof title === 'string' && title.startsWith(subjectPrefix)) subjects.push(title);
  }
  return { tickets: subjects.length, distinct: new Set(subjects).size };
}
