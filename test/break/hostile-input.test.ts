import nock from 'nock';
import { validateCredential } from '../../src/credential/validate-credential';
import { isGrooveConnectorError, type FieldIssue } from '../../src/errors';
import { startSandbox, type Sandbox } from '../../src/sandbox';
import { read } from '../../src/source/read';
import { Figures } from './support/figures';
import { LeakScanner } from './support/leak-scanner';
import { breakCredential } from './support/reads';
import { runWrite } from './support/writes';

const figures = new Figures('hostile-input');
const KEY = 'k3y-0f-the-hostile-suite-7d1c9a';
let sandbox: Sandbox;
let unmatched = 0;
const countUnmatched = (): void => {
  unmatched += 1;
};

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, tickets: 20 });
  nock.emitter.on('no match', countUnmatched);
});

afterAll(async () => {
  nock.emitter.removeListener('no match', countUnmatched);
  await sandbox.close();
  figures.report();
});

const json = (text: string): unknown => JSON.parse(text) as unknown;
const huge = (length: number): string => 'x'.repeat(length);
function deep(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i += 1) value = { a: value };
  return value;
}

/** A position `levels` deep inside an item; a read writes two at most (messages, attachments). */
function deepInner(levels: number): unknown {
  let value: Record<string, unknown> = { page: 1, offset: 0 };
  for (let i = 1; i < levels; i += 1) value = { page: 1, offset: 0, inner: value };
  return value;
}

const credential = () => breakCredential(KEY, sandbox.url);
const base = { credential_name: 'Hostile', api_key: KEY };

/** [what, input, the field the error must name] */
const BAD_CREDENTIALS: Array<[string, unknown, string]> = [
  ['null', null, '(root)'],
  ['an array', [], '(root)'],
  ['a number', 7, '(root)'],
  ['a string', 'api_key=abc', '(root)'],
  ['an empty object', {}, 'api_key'],
  ['a number as key', { ...base, api_key: 12345 }, 'api_key'],
  ['a key of 100,000 characters', { ...base, api_key: huge(100_000) }, 'api_key'],
  ['a key with a NUL byte', { ...base, api_key: 'abc\u0000def' }, 'api_key'],
  ['a key with a line break', { ...base, api_key: 'abc\ndef' }, 'api_key'],
  ['a key with non-ASCII letters', { ...base, api_key: 'ключ' }, 'api_key'],
  ['the masked placeholder as key', { ...base, api_key: '••••••••' }, 'api_key'],
  ['an empty name', { ...base, credential_name: '' }, 'credential_name'],
  [
    'a name of 1,000,000 characters',
    { ...base, credential_name: huge(1_000_000) },
    'credential_name',
  ],
  ['a number as name', { ...base, credential_name: 42 }, 'credential_name'],
  [
    'a __proto__ key',
    json(`{"credential_name":"x","api_key":"${KEY}","__proto__":{"admin":true}}`),
    '__proto__',
  ],
  [
    'a constructor key',
    json(`{"credential_name":"x","api_key":"${KEY}","constructor":{"prototype":{"x":1}}}`),
    'constructor',
  ],
  ['a plain http base URL', { ...base, api_base_url: 'http://groove.example.com' }, 'api_base_url'],
  [
    'a base URL with a user',
    { ...base, api_base_url: 'https://u:p@api.groovehq.com' },
    'api_base_url',
  ],
  ['a javascript: base URL', { ...base, api_base_url: 'javascript:alert(1)' }, 'api_base_url'],
  [
    'a base URL with a query',
    { ...base, api_base_url: 'https://api.groovehq.com/?a=1' },
    'api_base_url',
  ],
  ['an object as base URL', { ...base, api_base_url: {} }, 'api_base_url'],
  [
    'a day that does not exist',
    { ...base, api_key_created_on: '2026-02-30' },
    'api_key_created_on',
  ],
  ['words as a date', { ...base, api_key_created_on: 'yesterday' }, 'api_key_created_on'],
  [
    'a description nested 5,000 deep',
    { ...base, credential_description: deep(5000) },
    'credential_description',
  ],
];

const stream = (extra: Record<string, unknown>) => ({ streams: [{ name: 'tickets', ...extra }] });
const BAD_SOURCES: Array<[string, unknown, string]> = [
  ['null', null, '(root)'],
  ['an empty object', {}, 'streams'],
  ['streams as a string', { streams: 'tickets' }, 'streams'],
  ['no streams', { streams: [] }, 'streams'],
  ['an unknown stream', { streams: [{ name: 'passwords' }] }, 'streams/0/name'],
  [
    'a stream picked twice',
    { streams: [{ name: 'agents' }, { name: 'agents' }] },
    'streams/1/name',
  ],
  ['an unknown sync mode', { ...stream({}), sync_mode: 'sometimes' }, 'sync_mode'],
  ['a day that does not exist', { ...stream({}), start_date: '2026-02-30' }, 'start_date'],
  [
    'a start date of 100,000 characters',
    { ...stream({}), start_date: huge(100_000) },
    'start_date',
  ],
  ['a negative pace', { ...stream({}), requests_per_minute: -1 }, 'requests_per_minute'],
  ['a pace of 1e308', { ...stream({}), requests_per_minute: 1e308 }, 'requests_per_minute'],
  ['a pace as text', { ...stream({}), requests_per_minute: '30' }, 'requests_per_minute'],
  ['a __proto__ key', json('{"streams":[{"name":"tickets"}],"__proto__":{"x":1}}'), '__proto__'],
  [
    'a constructor key in a stream',
    json('{"streams":[{"name":"tickets","constructor":{}}]}'),
    'streams/0/constructor',
  ],
  ['an option nested 5,000 deep', stream({ folder: deep(5000) }), 'streams/0/folder'],
  [
    'a negative ticket number',
    { streams: [{ name: 'messages', ticket_numbers: [-1] }] },
    'streams/0/ticket_numbers/0',
  ],
  [
    'a fractional ticket number',
    { streams: [{ name: 'messages', ticket_numbers: [1.5] }] },
    'streams/0/ticket_numbers/0',
  ],
  [
    'a ticket option on agents',
    { streams: [{ name: 'agents', state: 'opened' }] },
    'streams/0/state',
  ],
  ['an assignee of 10,000 characters', stream({ assignee: huge(10_000) }), 'streams/0/assignee'],
  [
    'a ticket number past the safe integers',
    { streams: [{ name: 'messages', ticket_numbers: [1e21] }] },
    'streams/0/ticket_numbers/0',
  ],
];

const BAD_STATES: Array<[string, unknown, string]> = [
  ['a state of another version', { version: 4, streams: {} }, 'version'],
  ['a state for an unknown stream', { version: 1, streams: { passwords: {} } }, 'streams'],
  ['a state with a __proto__ stream', json('{"version":1,"streams":{"__proto__":{}}}'), 'streams'],
  [
    'a negative scan page',
    { version: 1, streams: { tickets: { scan: { scope: 's', part: '', page: -1, offset: 0 } } } },
    'streams/tickets/scan/page',
  ],
  [
    'a watermark that is no time',
    { version: 1, streams: { tickets: { watermark: 'soon' } } },
    'streams/tickets/watermark',
  ],
  [
    'a position inside a ticket nested deeper than a message’s attachments',
    {
      version: 3,
      streams: {
        tickets: {
          scan: { scope: 's', part: '', page: 1, offset: 0, inner: deepInner(3) },
        },
      },
    },
    'streams/tickets/scan/inner/inner/inner',
  ],
  [
    'a state nested 5,000 deep',
    { version: 1, streams: { tickets: deep(5000) } },
    'streams/tickets/a',
  ],
];

const BAD_DESTINATIONS: Array<[string, unknown, string]> = [
  ['null', null, '(root)'],
  ['an empty object', {}, 'operation'],
  ['a list', [{ operation: 'create_ticket' }], '(root)'],
  ['an unknown operation', { operation: 'delete_everything' }, 'operation'],
  ['no concurrency', { operation: 'create_ticket', concurrency: 0 }, 'concurrency'],
  ['a concurrency of a billion', { operation: 'create_ticket', concurrency: 1e9 }, 'concurrency'],
  [
    'a __proto__ mapping key',
    json('{"operation":"create_ticket","mapping":{"__proto__":"x"}}'),
    'mapping/__proto__',
  ],
  ['an empty mapping value', { operation: 'create_ticket', mapping: { body: '' } }, 'mapping/body'],
  [
    'a mapping to an unknown input',
    { operation: 'create_ticket', mapping: { nope: 'x' } },
    'mapping/nope',
  ],
  [
    'a mapping value of 1,000 characters',
    { operation: 'create_ticket', mapping: { body: huge(1000) } },
    'mapping/body',
  ],
  [
    'an unknown invalid-record rule',
    { operation: 'create_ticket', on_invalid_record: 'explode' },
    'on_invalid_record',
  ],
  [
    'a constructor key',
    json('{"operation":"create_ticket","constructor":{"name":"x"}}'),
    'constructor',
  ],
  [
    'a switch as text',
    { operation: 'create_ticket', send_copy_to_customer: 'yes' },
    'send_copy_to_customer',
  ],
  ['an operation nested 5,000 deep', { operation: deep(5000) }, 'operation'],
];

const ticket = { body: 'Hello', from: 'ana@example.com', to: 'support@example.com' };
const BAD_RECORDS: Array<[string, string, unknown, string]> = [
  ['an empty ticket', 'create_ticket', {}, 'body'],
  ['a sender that is no email', 'create_ticket', { ...ticket, from: 'not an email' }, 'from'],
  ['a number as body', 'create_ticket', { ...ticket, body: 123 }, 'body'],
  [
    'a __proto__ key in the customer',
    'create_ticket',
    { ...ticket, from: json('{"email":"a@example.com","__proto__":{"x":1}}') },
    'from/__proto__',
  ],
  [
    'a header injected into an email',
    'create_ticket',
    { ...ticket, to: 'a@example.com\r\nBcc: b@example.com' },
    'to',
  ],
  [
    'a subject of 10,000 characters',
    'create_ticket',
    { ...ticket, subject: huge(10_000) },
    'subject',
  ],
  ['a body nested 5,000 deep', 'create_ticket', { ...ticket, body: deep(5000) }, 'body'],
  ['null', 'create_ticket', null, '(root)'],
  ['a string', 'create_ticket', 'ticket', '(root)'],
  ['an empty tag', 'create_ticket', { ...ticket, tags: [''] }, 'tags/0'],
  ['a negative ticket number', 'create_message', { ticket_number: -5, body: 'x' }, 'ticket_number'],
  [
    'a ticket number of 1e20',
    'create_message',
    { ticket_number: 1e20, body: 'x' },
    'ticket_number',
  ],
  ['an unknown state', 'update_ticket_state', { ticket_number: 1, state: 'deleted' }, 'state'],
  [
    'a customer email with a NUL byte',
    'update_customer',
    { email: 'a\u0000@example.com', name: 'x' },
    'email',
  ],
];

/**
 * Valid, if unusual, inputs: each must be taken and sent with its path segment encoded. Record
 * fields that are no input (records carry more than Groove needs) are left behind.
 */
const ACCEPTED: Array<[string, string, unknown, string]> = [
  [
    'a record with __proto__ and constructor keys beside its inputs',
    'create_message',
    json('{"ticket_number":1,"body":"x","constructor":{"a":1},"__proto__":{"b":2}}'),
    '/tickets/1/messages',
  ],
  [
    'a ticket number given as digits',
    'create_message',
    { ticket_number: '42', body: 'x' },
    '/tickets/42/messages',
  ],
  [
    'a plus-addressed sender',
    'create_ticket',
    { ...ticket, from: 'ana+billing@example.com' },
    '/tickets',
  ],
  [
    'a unicode local part and IDN domain',
    'create_ticket',
    { ...ticket, from: 'josé@exámple.com' },
    '/tickets',
  ],
  ['an all-Chinese address', 'create_ticket', { ...ticket, to: '用户@例子.广告' }, '/tickets'],
  [
    'a customer name with an emoji',
    'create_ticket',
    { ...ticket, from: { email: "o'brien@example.ie", name: 'Zoë 🙂' } },
    '/tickets',
  ],
  [
    'a plus sign in a customer path',
    'update_customer',
    { email: 'ana+vip@example.com', name: 'Ana' },
    '/customers/ana%2Bvip%40example.com',
  ],
  [
    'a slash in a customer path',
    'update_customer',
    { email: 'a/b@example.com', name: 'A' },
    '/customers/a%2Fb%40example.com',
  ],
  [
    'a unicode customer path',
    'update_customer',
    { email: 'zoë@exämple.de', name: 'Z' },
    `/customers/${encodeURIComponent('zoë@exämple.de')}`,
  ],
];

/** The error must be one of ours, name `field`, and carry no raw TypeError. */
function expectNamed(error: unknown, field: string): void {
  expect(isGrooveConnectorError(error)).toBe(true);
  expect(error).toMatchObject({ code: 'invalid_input' });
  const fields = ((error as { issues?: FieldIssue[] }).issues ?? []).map((issue) => issue.field);
  expect(fields).toContain(field);
}

function caught(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('hostile input gets a clear error naming the field, and nothing is sent', () => {
  const scanner = new LeakScanner([KEY]);

  afterAll(() => {
    expect(sandbox.requestCount).toBe(0);
    expect(unmatched).toBe(0);
    expect(scanner.leaks).toEqual([]);
    figures.scanned += scanner.scanned;
    figures.leaks += scanner.leaks.length;
  });

  it.each(BAD_CREDENTIALS)(
    'a credential with %s is refused naming its field',
    (_what, input, field) => {
      const checked = validateCredential(input);
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.errors.map((issue) => issue.field)).toContain(field);
      const error = caught(() => read(input, stream({})));
      scanner.thrown('credential error', error);
      expectNamed(error, field);
      figures.inputs += 1;
    },
  );

  it.each(BAD_SOURCES)(
    'a source config with %s is refused naming its field',
    (_what, input, field) => {
      const error = caught(() => read(credential(), input));
      scanner.thrown('source error', error);
      expectNamed(error, field);
      figures.inputs += 1;
    },
  );

  it.each(BAD_STATES)('%s is refused naming its field', (_what, input, field) => {
    const error = caught(() => read(credential(), stream({}), { state: input }));
    scanner.thrown('state error', error);
    expectNamed(error, field);
    figures.inputs += 1;
  });

  it.each(BAD_DESTINATIONS)(
    'a destination config with %s is refused naming its field',
    async (_what, input, field) => {
      const run = await runWrite(credential(), input, [ticket], {
        logger: scanner.logger(),
        scanner,
      });
      expect(run.results).toEqual([]);
      expectNamed(run.error, field);
      figures.inputs += 1;
    },
  );

  it.each(BAD_RECORDS)(
    'a record with %s fails alone, naming its field',
    async (_what, operation, record, field) => {
      const run = await runWrite(credential(), { operation }, [record], {
        logger: scanner.logger(),
        scanner,
      });
      expect(run.error).toBeUndefined();
      expect(run.results).toHaveLength(1);
      expect(run.results[0]).toMatchObject({ status: 'failed', error: { code: 'invalid_input' } });
      const result = run.results[0];
      const fields =
        result?.status === 'failed' ? (result.error.issues ?? []).map((issue) => issue.field) : [];
      expect(fields).toContain(field);
      figures.inputs += 1;
    },
  );

  it.each([['constructor'], ['__proto__'], ['toString']])(
    'a mapping from the record field %s never reads what the record inherits',
    async (source) => {
      const config = { operation: 'create_message', mapping: { body: source } };
      const run = await runWrite(credential(), config, [{ ticket_number: 1 }], {
        logger: scanner.logger(),
        scanner,
      });
      expect(run.results).toEqual([
        expect.objectContaining({
          status: 'failed',
          error: expect.objectContaining({ code: 'invalid_input' }),
        }),
      ]);
      const result = run.results[0];
      const fields =
        result?.status === 'failed' ? (result.error.issues ?? []).map((i) => i.field) : [];
      expect(fields).toContain('body');
      figures.inputs += 1;
    },
  );

  it.each(ACCEPTED)(
    '%s is accepted and its request path is encoded',
    async (_what, operation, record, path) => {
      const run = await runWrite(credential(), { operation }, [record], {
        logger: scanner.logger(),
        scanner,
        dryRun: true,
      });
      expect(run.error).toBeUndefined();
      expect(run.results).toEqual([
        expect.objectContaining({ status: 'dry_run', request: expect.objectContaining({ path }) }),
      ]);
      const result = run.results[0];
      const body = result?.status === 'dry_run' ? result.request.body : {};
      expect(Object.keys(body)).not.toContain('constructor');
      expect(Object.keys(body)).not.toContain('__proto__');
      expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
      figures.inputs += 1;
    },
  );
});
