import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { ensureBuiltCli } from '../cli/helpers/built-cli';
import { runCliUntil } from './support/cli-runs';
import { Figures } from './support/figures';
import { LeakScanner } from './support/leak-scanner';
import { SeededRandom } from './support/random';
import { breakClient, breakCredential, runRead, scanningLogger } from './support/reads';
import { runWrite } from './support/writes';

const figures = new Figures('secrets');
const GROOVE = 'https://api.groovehq.com';
const ELSEWHERE = 'https://elsewhere.example.net';
const KEY = 'b2c7e4f19a0d4e6c8b1a3f5d7e9c0a2b';
const scanner = new LeakScanner([KEY]);
const credential = breakCredential(KEY, GROOVE);

afterAll(() => {
  expect(scanner.leaks).toEqual([]);
  figures.scanned += scanner.scanned;
  figures.leaks += scanner.leaks.length;
  figures.report();
});

/** Every request to the second origin, whatever it is: the suite expects none. */
function watchElsewhere(): string[] {
  const hits: string[] = [];
  const scope = nock(ELSEWHERE).persist();
  for (const method of ['get', 'post', 'put', 'delete'] as const) {
    scope[method](/.*/).reply((uri) => {
      hits.push(`${method} ${uri}`);
      return [200, { tickets: [], meta: { pagination: { next_page: null } } }];
    });
  }
  return hits;
}

const echoes: Array<[string, number, string, string]> = [
  [
    'a JSON error quoting the key',
    401,
    'application/json',
    JSON.stringify({ errors: `token ${KEY} is invalid` }),
  ],
  [
    'a Rails error map quoting the key',
    422,
    'application/json',
    JSON.stringify({ errors: { api_key: [`${KEY} expired`] } }),
  ],
  ['an HTML page quoting the key', 500, 'text/html', `<html><body>Bearer ${KEY}</body></html>`],
  [
    'plain text quoting the key',
    503,
    'text/plain',
    `upstream rejected Authorization: Bearer ${KEY}`,
  ],
  [
    'a 429 quoting the key',
    429,
    'application/json',
    JSON.stringify({ message: `slow down ${KEY}` }),
  ],
  [
    'a 404 quoting the key',
    404,
    'application/json',
    JSON.stringify({ error: `no ticket for ${KEY}` }),
  ],
  [
    'a redirect to another origin',
    302,
    'text/plain',
    `see ${ELSEWHERE}/v1/tickets?access_token=${KEY}`,
  ],
];

describe('the key never leaves through what the connector returns, throws, logs or states', () => {
  it.each(echoes)(
    'a read answered with %s shows the key nowhere',
    async (_what, status, type, body) => {
      const elsewhere = watchElsewhere();
      nock(GROOVE)
        .get('/v1/tickets')
        .query(true)
        .times(10)
        .reply(status, body, {
          'Content-Type': type,
          Location: `${ELSEWHERE}/v1/tickets`,
          'Retry-After': '0',
        });
      const logger = scanningLogger(scanner);

      const run = await runRead(
        credential,
        { streams: [{ name: 'tickets' }] },
        {
          client: breakClient(credential, new SeededRandom(status), logger),
          logger,
          scanner,
        },
      );

      expect(run.error).toMatchObject({ code: expect.any(String) });
      expect(elsewhere).toEqual([]);
      figures.scenarios += 1;
    },
  );

  it.each(echoes)(
    'a write answered with %s shows the key nowhere',
    async (_what, status, type, body) => {
      const elsewhere = watchElsewhere();
      nock(GROOVE)
        .post('/v1/tickets')
        .reply(status, body, { 'Content-Type': type, Location: `${ELSEWHERE}/v1/tickets/1` });
      nock(GROOVE)
        .put('/v1/tickets/7/state')
        .times(10)
        .reply(status, body, { 'Content-Type': type, 'Retry-After': '0' });
      const logger = scanningLogger(scanner);
      const client = breakClient(credential, new SeededRandom(status), logger);
      const ticket = { body: 'Hi', from: 'ana@example.com', to: 'support@example.com' };

      const created = await runWrite(credential, { operation: 'create_ticket' }, [ticket], {
        client,
        logger,
        scanner,
      });
      const updated = await runWrite(
        credential,
        { operation: 'update_ticket_state' },
        [{ ticket_number: 7, state: 'closed' }],
        {
          client,
          logger,
          scanner,
        },
      );

      expect(created.results).toHaveLength(1);
      expect(updated.results).toHaveLength(1);
      expect(elsewhere).toEqual([]);
      figures.scenarios += 1;
      figures.records += 2;
    },
  );

  it('never follows next_page, Location or links to another origin while paging', async () => {
    const elsewhere = watchElsewhere();
    const page = (number: number, last: boolean) => ({
      tickets: [
        {
          number,
          title: 't',
          updated_at: '2026-01-01T00:00:00Z',
          href: `${ELSEWHERE}/v1/tickets/${number}`,
        },
      ],
      meta: {
        pagination: {
          current_page: number,
          total_pages: 2,
          total_count: 2,
          next_page: last ? null : `${ELSEWHERE}/v1/tickets?page=2&access_token=x`,
        },
      },
    });
    nock(GROOVE).get('/v1/tickets').query({ page: '1', per_page: '50' }).reply(200, page(1, false));
    nock(GROOVE).get('/v1/tickets').query({ page: '2', per_page: '50' }).reply(200, page(2, true));
    const logger = scanningLogger(scanner);

    const run = await runRead(
      credential,
      { streams: [{ name: 'tickets' }] },
      {
        client: breakClient(credential, new SeededRandom(1), logger),
        logger,
        scanner,
      },
    );

    expect(run.error).toBeUndefined();
    expect(run.messages.filter((m) => m.type === 'RECORD')).toHaveLength(2);
    expect(elsewhere).toEqual([]);
    figures.scenarios += 1;
    figures.records += 2;
  });
});

describe('the key never shows in what the CLI prints', () => {
  let sandbox: Sandbox;
  let dir: string;

  beforeAll(async () => {
    await ensureBuiltCli();
    sandbox = await startSandbox({ seed: 9, tickets: 20 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'groove-break-secrets-'));
  }, 300_000);

  afterAll(async () => {
    await sandbox.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['a revoked key', 'revoked', undefined, false],
    ['an expired key', 'expired', undefined, false],
    ['a 503 to retry', 'admin', '503', true],
    ['an answer cut in half to retry', 'admin', 'malformed', true],
  ] as const)(
    'a read with %s prints the key nowhere',
    async (_what, token, fault, succeeds) => {
      const key = sandbox.tokens[token];
      const cliScanner = new LeakScanner([key]);
      sandbox.setFaults(fault === undefined ? {} : { rules: [{ kind: fault, rate: 1, times: 1 }] });
      const credentialFile = path.join(dir, `${token}.json`);
      fs.writeFileSync(credentialFile, JSON.stringify(breakCredential(key, sandbox.url)));
      const configFile = path.join(dir, 'config.json');
      fs.writeFileSync(
        configFile,
        JSON.stringify({ streams: [{ name: 'agents' }], requests_per_minute: 0 }),
      );

      const run = await runCliUntil(
        ['read', '--credential', credentialFile, '--config', configFile],
        undefined,
        'SIGTERM',
      );
      sandbox.setFaults({});
      cliScanner.text('cli stdout', run.stdout);
      cliScanner.text('cli stderr', run.stderr);

      expect(run.code === 0).toBe(succeeds);
      expect(cliScanner.leaks).toEqual([]);
      figures.scenarios += 1;
      figures.scanned += cliScanner.scanned;
    },
    120_000,
  );
});
