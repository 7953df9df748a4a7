import nock from 'nock';
import { write } from '../../src/destination/write';
import type { LogFields, Logger } from '../../src/logger';
import { API_KEY, GROOVE, collect, credential, stream, testClient } from './helpers';

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (message: string, fields?: LogFields): void => {
    lines.push(`${message} ${JSON.stringify(fields ?? {})}`);
  };
  return { lines, debug: keep, info: keep, warn: keep, error: keep };
}

describe('the flow of a write', () => {
  it('keeps input order in its results with several records in flight', async () => {
    // Earlier tickets answer later, so any reordering would show.
    const scope = nock(GROOVE);
    for (const number of [1, 2, 3, 4, 5, 6]) {
      scope
        .put(`/v1/tickets/${number}/priority`)
        .delay((7 - number) * 15)
        .reply(204);
    }
    const records = [1, 2, 3, 4, 5, 6].map((number) => ({
      ticket_number: number,
      priority: 'high',
    }));

    const { results, summary } = await collect(
      write(credential, { operation: 'update_ticket_priority', concurrency: 3 }, stream(records), {
        client: testClient(),
      }),
    );

    expect(results.map((result) => [result.index, result.status])).toEqual(
      [0, 1, 2, 3, 4, 5].map((index) => [index, 'updated']),
    );
    expect(results.map((result) => result.status === 'updated' && result.ticket_number)).toEqual([
      1, 2, 3, 4, 5, 6,
    ]);
    expect(summary).toMatchObject({ records: 6, counts: { updated: 6 }, requests: 6 });
    expect(scope.isDone()).toBe(true);
  });

  it.each([42, null, { body: 'one record, not a list' }])(
    'refuses records given as %p with an error naming them, sending nothing',
    async (records) => {
      const scope = nock(GROOVE).post(/.*/).reply(201, {});
      const { error, results } = await collect(
        write(credential, { operation: 'create_ticket' }, records as never),
      );
      expect(error).toMatchObject({
        code: 'invalid_input',
        issues: [{ field: 'records', label: 'Records' }],
      });
      expect(results).toEqual([]);
      expect(scope.isDone()).toBe(false);
    },
  );

  it('reports every create already in flight when the records input fails, then stops with a typed error', async () => {
    let created = 0;
    nock(GROOVE)
      .post('/v1/tickets')
      .times(4)
      .delay(50)
      .reply(() => [201, { ticket: { number: 100 + (created += 1) } }]);
    async function* failingSource() {
      for (let i = 0; i < 4; i += 1)
        yield { body: `b${i}`, from: 'a@example.com', to: 'c@example.com' };
      throw new Error('source broke');
    }

    const { results, summary, error } = await collect(
      write(credential, { operation: 'create_ticket', concurrency: 4 }, failingSource(), {
        client: testClient(),
      }),
    );

    expect(results.map((result) => result.status)).toEqual([
      'created',
      'created',
      'created',
      'created',
    ]);
    expect(summary?.stopped).toMatchObject({ index: 4, code: 'invalid_input' });
    expect(error).toMatchObject({
      code: 'invalid_input',
      issues: [
        {
          field: 'records',
          message: expect.stringMatching(/after 4 record\(s\) \(Error: source broke\)/),
        },
      ],
    });
  });

  it.each([0, null, 'yes'])('refuses dryRun %p rather than sending for real', async (dryRun) => {
    const scope = nock(GROOVE).post(/.*/).reply(201, {});
    const records = [{ body: 'b', from: 'a@example.com', to: 'c@example.com' }];

    const { error } = await collect(
      write(credential, { operation: 'create_ticket' }, records, { dryRun: dryRun as never }),
    );

    expect(error).toMatchObject({ code: 'invalid_input', issues: [{ field: 'dryRun' }] });
    expect(scope.isDone()).toBe(false);
  });

  it('fails a record whose fields throw when read, and goes on', async () => {
    nock(GROOVE).put('/v1/tickets/8/state').reply(204);
    const hostile = Object.defineProperty({ state: 'closed' }, 'ticket_number', {
      enumerable: true,
      get() {
        throw new Error('getter exploded');
      },
    });

    const { results } = await collect(
      write(
        credential,
        { operation: 'update_ticket_state' },
        [hostile, { ticket_number: 8, state: 'closed' }],
        {
          client: testClient(),
        },
      ),
    );

    expect(results.map((result) => result.status)).toEqual(['failed', 'updated']);
    expect(results[0]).toMatchObject({ error: { code: 'invalid_input' } });
  });

  it('takes records from a plain array as well as from an async source', async () => {
    const scope = nock(GROOVE).put('/v1/tickets/4/state').reply(204);

    const { results } = await collect(
      write(
        credential,
        { operation: 'update_ticket_state' },
        [{ ticket_number: 4, state: 'opened' }],
        {
          client: testClient(),
        },
      ),
    );

    expect(results).toHaveLength(1);
    expect(scope.isDone()).toBe(true);
  });

  it('closes the input it stopped reading', async () => {
    let closed = false;
    async function* records(): AsyncGenerator<unknown> {
      try {
        yield { ticket_number: 1, state: 'closed' };
        yield { ticket_number: 2, state: 'closed' };
      } finally {
        closed = true;
      }
    }
    nock(GROOVE).put('/v1/tickets/1/state').reply(401);

    await collect(
      write(credential, { operation: 'update_ticket_state' }, records(), { client: testClient() }),
    );

    expect(closed).toBe(true);
  });

  it('logs failures by index and code, never the key or what the record says', async () => {
    nock(GROOVE).post('/v1/tickets').reply(503);
    const logger = recordingLogger();
    const record = {
      body: 'Secret plans 🔒',
      from: 'casey@example.net',
      to: 'support@example.com',
    };

    await collect(
      write(credential, { operation: 'create_ticket' }, [record, { body: 'no parties' }], {
        client: testClient({ logger }),
        logger,
      }),
    );
    const printed = logger.lines.join('\n');

    expect(printed).toContain(
      'Groove write outcome unknown {"index":0,"operation":"create_ticket","code":"outcome_unknown"}',
    );
    expect(printed).toContain(
      'Groove write failed {"index":1,"operation":"create_ticket","code":"invalid_input"}',
    );
    expect(printed).not.toContain(API_KEY);
    expect(printed).not.toContain('Secret plans');
    expect(printed).not.toContain('casey@example.net');
  });

  it('counts only its own requests when the host shares a client', async () => {
    nock(GROOVE).put('/v1/tickets/1/state').times(2).reply(204);
    const client = testClient();
    const records = [{ ticket_number: 1, state: 'closed' }];

    await collect(write(credential, { operation: 'update_ticket_state' }, records, { client }));
    const { summary } = await collect(
      write(credential, { operation: 'update_ticket_state' }, records, { client }),
    );

    expect(client.stats.requests).toBe(2);
    expect(summary?.requests).toBe(1);
  });
});
