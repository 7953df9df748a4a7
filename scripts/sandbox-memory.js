// Measures the sandbox's memory while a client pages through 100,000 tickets (per_page=50)
// and the messages of some of them. Run after `npm run build`:
//   node scripts/sandbox-memory.js [tickets]
// Prints one JSON object: request counts and the peak RSS / heap seen, in MiB.
const { Buffer } = require('node:buffer');
const http = require('node:http');
const path = require('node:path');

// SANDBOX_DIST points at another build of src/sandbox, e.g. one made with tsc --outDir.
const { startSandbox } = require(
  process.env.SANDBOX_DIST ?? path.join(__dirname, '..', 'dist', 'sandbox'),
);

const TICKETS = Number(process.argv[2] ?? 100_000);
const MESSAGE_TICKETS = 3000;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function mib(bytes) {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

function getJson(url, token) {
  return new Promise((resolve, reject) => {
    const request = http.get(
      url,
      { agent, headers: { Authorization: `Bearer ${token}` } },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          if (response.statusCode !== 200)
            reject(new Error(`${url} answered ${response.statusCode}`));
          else resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        });
      },
    );
    request.on('error', reject);
  });
}

async function main() {
  const peak = { rss: 0, heapUsed: 0 };
  const sample = () => {
    const usage = process.memoryUsage();
    peak.rss = Math.max(peak.rss, usage.rss);
    peak.heapUsed = Math.max(peak.heapUsed, usage.heapUsed);
  };
  const before = process.memoryUsage();
  const startedAt = Date.now();
  const sandbox = await startSandbox({ tickets: TICKETS, seed: 1 });
  const afterStart = process.memoryUsage();
  const startMs = Date.now() - startedAt;
  sample();

  let requests = 0;
  let tickets = 0;
  const numbers = [];
  let next = `${sandbox.url}/v1/tickets?per_page=50`;
  while (next !== null) {
    const page = await getJson(next, sandbox.tokens.admin);
    requests++;
    tickets += page.tickets.length;
    for (const ticket of page.tickets) {
      if (numbers.length < MESSAGE_TICKETS && ticket.message_count > 0) numbers.push(ticket.number);
    }
    next =
      page.meta.pagination.next_page === null
        ? null
        : `${page.meta.pagination.next_page}&per_page=50`;
    if (requests % 50 === 0) sample();
  }

  let messages = 0;
  for (const number of numbers) {
    let page = 1;
    for (;;) {
      const answer = await getJson(
        `${sandbox.url}/v1/tickets/${number}/messages?per_page=50&page=${page}`,
        sandbox.tokens.admin,
      );
      requests++;
      messages += answer.messages.length;
      if (answer.meta.pagination.next_page === null) break;
      page++;
    }
    if (requests % 50 === 0) sample();
  }
  sample();
  const elapsedMs = Date.now() - startedAt;
  await sandbox.close();
  agent.destroy();

  console.log(
    JSON.stringify({
      tickets,
      ticketsSeeded: TICKETS,
      messages,
      requests,
      startMs,
      elapsedMs,
      rssBeforeMiB: mib(before.rss),
      rssAfterStartMiB: mib(afterStart.rss),
      heapAfterStartMiB: mib(afterStart.heapUsed),
      peakRssMiB: mib(peak.rss),
      peakHeapUsedMiB: mib(peak.heapUsed),
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
