import { validateCredential, type Credential } from '../credential/validate-credential';
import { testCredential } from '../credential/test-credential';
import type { Logger } from '../logger';
import { type RequestLogEntry, startSandbox } from '../sandbox';
import { discover } from '../source/discover';
import { describeChange, DemoReport } from './report';
import { readStreams, writeOne } from './steps';

export interface DemoOptions {
  tickets: number;
  seed: number;
  signal: AbortSignal;
  logger: Logger;
  /** Where the demo tells what it does, line by line, for people. */
  say: (line: string) => void;
}

const READ_STREAMS = ['tickets', 'messages'];

/**
 * The main job, end to end on the offline sandbox: check a credential, discover, read tickets
 * and their messages, create a ticket and a reply, read again incrementally, and report.
 */
export async function runDemo(options: DemoOptions): Promise<void> {
  const { signal, logger, say } = options;
  const sandbox = await startSandbox({ tickets: options.tickets, seed: options.seed });
  const report = new DemoReport(say, () => sandbox.requestCount);

  try {
    say(
      `Groove connector demo on the offline sandbox at ${sandbox.url}/v1 (${options.tickets} tickets, seed ${options.seed})`,
    );
    say('');
    const credential = demoCredential(sandbox.url, sandbox.tokens.admin);

    await report.step('Check the credential', async () => {
      const result = await testCredential(credential, { signal, logger });
      if (!result.ok) throw new Error(`The credential check failed: ${result.message}`);
      return result.message;
    });

    await report.step('Discover the streams', async () => {
      const names = discover().streams.map((stream) => stream.name);
      return `${names.length} streams: ${names.join(', ')}`;
    });

    const first = await report.step('Read tickets and messages', async () => {
      const outcome = await readStreams(credential, READ_STREAMS, undefined, { signal, logger });
      return [outcome, `${report.counts(outcome.records)}${warningsOf(outcome.warnings)}`];
    });

    const ticket = await report.step('Create a ticket', async () => {
      const result = await writeOne(credential, 'create_ticket', NEW_TICKET, { signal, logger });
      return [result, `ticket #${result.ticket_number ?? '?'} "${NEW_TICKET.subject}"`];
    });

    await report.step('Reply to it', async () => {
      const reply = { ticket_number: ticket.ticket_number, body: REPLY_BODY };
      const result = await writeOne(credential, 'create_message', reply, { signal, logger });
      const id =
        result.status === 'created' && result.message_id !== undefined
          ? ` ${result.message_id}`
          : '';
      return `reply${id} added to ticket #${result.ticket_number ?? '?'}`;
    });

    const second = await report.step('Read again, incrementally', async () => {
      const outcome = await readStreams(credential, READ_STREAMS, first.state, { signal, logger });
      return [
        outcome,
        `only what changed: ${report.counts(outcome.records)}${warningsOf(outcome.warnings)}`,
      ];
    });
    for (const [stream, records] of second.records) {
      for (const record of records) say(`      ${describeChange(stream, record)}`);
    }

    say('');
    report.summary();
    say(headerOnly(sandbox.log));
  } finally {
    await sandbox.close();
  }
}

const NEW_TICKET = {
  subject: 'Printer on fire (demo)',
  body: '<p>Our office printer is on fire again. 🔥 Could someone take a look? — Zoë</p>',
  from: 'zoe.martin@example.com',
  to: 'support@example.com',
  tags: ['demo'],
};

const REPLY_BODY = '<p>Hi Zoë, a technician is on the way. Please step away from the printer.</p>';

function demoCredential(url: string, adminToken: string): Credential {
  const result = validateCredential({
    credential_name: 'Demo sandbox',
    credential_description: 'The admin token of the offline sandbox the demo starts',
    api_key: adminToken,
    api_base_url: url,
  });
  if (!result.ok) throw new Error('The demo credential did not validate');
  return result.credential;
}

/** What the sandbox saw of the key: it must only ever come in the Authorization header. */
function headerOnly(log: readonly RequestLogEntry[]): string {
  const elsewhere = log.filter((entry) => entry.auth !== 'header').length;
  return elsewhere === 0
    ? `Every request carried the key in its Authorization header, never in a URL.`
    : `${elsewhere} of ${log.length} requests did not carry the key in the Authorization header.`;
}

function warningsOf(warnings: readonly string[]): string {
  return warnings.length === 0 ? '' : ` (${warnings.length} warnings: ${warnings.join(' ')})`;
}
