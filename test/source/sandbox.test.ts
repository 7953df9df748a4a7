import { createGrooveClient } from '../../src/client/create-client';
import type { GrooveClient } from '../../src/client/types';
import type { Credential } from '../../src/credential/validate-credential';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import type { SourceMessage } from '../../src/source/messages';
import { read } from '../../src/source/read';
import type { SourceState } from '../../src/source/state/state';
import { collect, lastState, recordsOf, schemaErrors } from './helpers/read-helpers';

const ALL_STREAMS = [
  'tickets',
  'messages',
  'customers',
  'agents',
  'groups',
  'mailboxes',
  'folders',
  'ticket_counts',
  'attachments',
  'kb_categories',
  'kb_articles',
  'widgets',
].map((name) => ({ name }));

let sandbox: Sandbox;
let credential: Credential;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 7, tickets: 180 });
  credential = {
    credential_name: 'Sandbox',
    api_key: sandbox.tokens.admin,
    api_base_url: sandbox.url,
  };
});

afterAll(() => sandbox.close());

function readSandbox(config: object, state?: SourceState): Promise<SourceMessage[]> {
  return collect(
    read(credential, { requests_per_minute: 0, ...config }, state === undefined ? {} : { state }),
  );
}

/** GET requests the sandbox saw since its log was cleared, by path shape. */
function requestsByKind(): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const entry of sandbox.log) {
    const kind = entry.path.replace(/\/\d+(?=\/|$)/g, '/:n').replace(/\/kb\/[^/]+/, '/kb/:id');
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  return kinds;
}

describe('reading the sandbox', () => {
  let full: SourceMessage[];

  beforeAll(async () => {
    sandbox.clearLog();
    full = await readSandbox({ streams: ALL_STREAMS });
  }, 120_000);

  it('emits exactly the sandbox’s records for every stream', () => {
    const { data } = sandbox;
    const numbers = data.ticketNumbers();
    expect(recordsOf(full, 'tickets')).toEqual([...data.tickets()]);
    expect(recordsOf(full, 'messages')).toEqual(
      numbers.flatMap((n) => data.messages(n).map((m) => ({ ...m, ticket_number: n }))),
    );
    expect(recordsOf(full, 'customers')).toEqual([...data.customers()]);
    expect(recordsOf(full, 'agents')).toEqual(data.agents());
    expect(recordsOf(full, 'groups').map((g) => g['id'])).toEqual(data.groups().map((g) => g.id));
    expect(recordsOf(full, 'mailboxes').map((m) => m['id'])).toEqual(
      data.mailboxes().map((m) => m.id),
    );
    expect(recordsOf(full, 'folders')).toEqual(data.folders());
    expect(recordsOf(full, 'widgets')).toEqual(data.widgets());
    const kbIds = data.knowledgeBaseRecords().map((kb) => String(kb['id']));
    expect(recordsOf(full, 'kb_categories')).toEqual(kbIds.flatMap((id) => data.kbCategories(id)));
    expect(recordsOf(full, 'kb_articles')).toEqual(kbIds.flatMap((id) => data.kbArticles(id)));
    const counts = Object.fromEntries(
      recordsOf(full, 'ticket_counts').map((r) => [r['folder_id'], r['count']]),
    );
    expect(counts).toEqual(data.ticketCounts());
    const attachments = numbers.flatMap((n) =>
      data.messageIds(n).flatMap((id) =>
        (data.attachments(id) ?? []).map((a, position) => ({
          ...a,
          message_id: id,
          ticket_number: n,
          position,
        })),
      ),
    );
    expect(recordsOf(full, 'attachments')).toEqual(attachments);
  });

  it('emits only records that validate against their stream’s schema', () => {
    const invalid = full.flatMap((m) =>
      m.type === 'RECORD' && schemaErrors(m.stream, m.record).length > 0 ? [m.stream] : [],
    );
    expect(invalid).toEqual([]);
  });

  it('spends the fewest requests a full read can: one per page of each list', () => {
    const { data } = sandbox;
    const minimum = data.minimumRequests(50);
    const kinds = requestsByKind();
    const withAttachments = data
      .ticketNumbers()
      .filter((n) => Number(data.ticket(n)?.['attachment_count']) > 0)
      .reduce((sum, n) => sum + data.messageIds(n).length, 0);
    const kbPages = data
      .knowledgeBaseRecords()
      .reduce(
        (sum, kb) =>
          sum +
          Math.max(1, Math.ceil(data.kbCategories(String(kb['id'])).length / 50)) +
          Math.max(1, Math.ceil(data.kbArticles(String(kb['id'])).length / 50)),
        0,
      );
    const expected = {
      '/v1/tickets': minimum.tickets,
      '/v1/tickets/:n/messages': minimum.messages,
      '/v1/customers': minimum.customers,
      '/v1/attachments': withAttachments,
      '/v1/kb': 1,
      kb: kbPages,
      fixed: 6,
    };
    const actual = {
      '/v1/tickets': kinds['/v1/tickets'],
      '/v1/tickets/:n/messages': kinds['/v1/tickets/:n/messages'],
      '/v1/customers': kinds['/v1/customers'],
      '/v1/attachments': kinds['/v1/attachments'],
      '/v1/kb': kinds['/v1/kb'],
      kb: (kinds['/v1/kb/:id/categories'] ?? 0) + (kinds['/v1/kb/:id/articles'] ?? 0),
      fixed: [
        '/v1/agents',
        '/v1/groups',
        '/v1/mailboxes',
        '/v1/folders',
        '/v1/widgets',
        '/v1/tickets/count',
      ]
        .map((path) => kinds[path] ?? 0)
        .reduce((a, b) => a + b, 0),
    };
    process.stdout.write(
      `full read requests: ${JSON.stringify({ actual, minimum: expected, total: sandbox.log.length })}\n`,
    );
    expect(actual).toEqual(expected);
  });

  it('reads again incrementally: after a few writes, exactly the changed records, for the ticket pages plus the changed tickets’ messages', async () => {
    const base = await readSandbox({
      streams: [{ name: 'tickets' }, { name: 'messages' }],
      sync_mode: 'incremental',
    });
    const writer: GrooveClient = createGrooveClient(credential, { requestsPerMinute: 0 });
    const [first, second] = sandbox.data.ticketNumbers().slice(-2) as [number, number];
    await writer.request({
      method: 'POST',
      path: `/tickets/${first}/messages`,
      body: { body: 'A reply', note: true },
    });
    await writer.request({
      method: 'PUT',
      path: `/tickets/${second}/state`,
      body: { state: 'closed' },
    });
    sandbox.clearLog();

    const after = await readSandbox(
      { streams: [{ name: 'tickets' }, { name: 'messages' }], sync_mode: 'incremental' },
      lastState(base),
    );

    expect(
      recordsOf(after, 'tickets')
        .map((t) => t['number'])
        .sort(),
    ).toEqual([first, second].sort());
    const newMessages = recordsOf(after, 'messages');
    expect(newMessages).toHaveLength(1);
    expect(newMessages[0]).toMatchObject({ ticket_number: first, note: true });
    const kinds = requestsByKind();
    const messagePages = [first, second].filter((n) => sandbox.data.messages(n).length > 0).length;
    process.stdout.write(
      `incremental read requests: ${JSON.stringify({ actual: kinds, minimum: { '/v1/tickets': sandbox.data.minimumRequests(50).tickets, '/v1/tickets/:n/messages': messagePages } })}\n`,
    );
    expect(kinds).toEqual({
      '/v1/tickets': sandbox.data.minimumRequests(50).tickets,
      '/v1/tickets/:n/messages': messagePages,
    });

    sandbox.clearLog();
    const again = await readSandbox(
      { streams: [{ name: 'tickets' }, { name: 'messages' }], sync_mode: 'incremental' },
      lastState(after),
    );
    expect(recordsOf(again)).toEqual([]);
    expect(requestsByKind()).toEqual({ '/v1/tickets': sandbox.data.minimumRequests(50).tickets });
  }, 120_000);
});
