import nock from 'nock';
import { write } from '../../src/destination/write';
import { API_KEY, collect, credential } from './helpers';

describe('a dry run', () => {
  let requests: string[];
  // nock reports every request no interceptor answered; a dry run must cause none.
  const count = (request: { method?: string }): void => {
    requests.push(String(request.method));
  };

  beforeEach(() => {
    requests = [];
    nock.emitter.on('no match', count);
  });

  afterEach(() => {
    nock.emitter.removeListener('no match', count);
  });

  it('yields the request each record would send and sends none', async () => {
    const records = [
      { ticket_number: 5, body: 'Looking into it 👀', note: true },
      { ticket_number: '6', body: 'Fixed.' },
    ];

    const { results, summary, error } = await collect(
      write(credential, { operation: 'create_message' }, records, { dryRun: true }),
    );

    expect(error).toBeUndefined();
    expect(results).toEqual([
      {
        type: 'result',
        index: 0,
        operation: 'create_message',
        status: 'dry_run',
        request: {
          method: 'POST',
          path: '/tickets/5/messages',
          body: {
            body: 'Looking into it 👀',
            note: true,
            send_copy_to_customer: false,
            skip_notifications: true,
          },
        },
      },
      {
        type: 'result',
        index: 1,
        operation: 'create_message',
        status: 'dry_run',
        request: {
          method: 'POST',
          path: '/tickets/6/messages',
          body: {
            body: 'Fixed.',
            note: false,
            send_copy_to_customer: false,
            skip_notifications: true,
          },
        },
      },
    ]);
    expect(summary).toMatchObject({
      dry_run: true,
      records: 2,
      counts: { dry_run: 2, created: 0, failed: 0 },
      requests: 0,
    });
    expect(requests).toEqual([]);
  });

  it('reports bad records as it would in a real write', async () => {
    const records = [{ email: 'casey@example.net', name: 'Casey' }, { name: 'No email' }];

    const { results, summary } = await collect(
      write(credential, { operation: 'update_customer' }, records, { dryRun: true }),
    );

    expect(results.map((result) => result.status)).toEqual(['dry_run', 'failed']);
    expect(results[1]).toMatchObject({
      error: {
        code: 'invalid_input',
        issues: [{ field: 'email', message: 'Customer Email is required.' }],
      },
    });
    expect(summary?.counts).toMatchObject({ dry_run: 1, failed: 1 });
    expect(requests).toEqual([]);
  });

  it('never shows the key or a header in what it yields', async () => {
    const { results, summary } = await collect(
      write(
        credential,
        { operation: 'update_ticket_state' },
        [{ ticket_number: 1, state: 'spam' }],
        {
          dryRun: true,
        },
      ),
    );
    const printed = JSON.stringify([results, summary]);

    expect(printed).not.toContain(API_KEY);
    expect(printed.toLowerCase()).not.toContain('authorization');
    expect(printed.toLowerCase()).not.toContain('bearer');
  });
});
