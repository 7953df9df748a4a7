import { startSandbox, type Sandbox, type SandboxTokens } from '../../src/sandbox';
import { call } from './http';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ tickets: 50 });
});

afterAll(async () => {
  await sandbox.close();
});

type TokenName = keyof SandboxTokens | 'unknown' | 'none';

function tokenValue(name: TokenName): string | null {
  if (name === 'none') return null;
  if (name === 'unknown') return 'f'.repeat(64);
  return sandbox.tokens[name];
}

describe('sandbox authentication', () => {
  it.each<[TokenName, string, number]>([
    ['admin', '/v1/mailboxes', 200],
    ['admin', '/v1/tickets', 200],
    ['agent', '/v1/tickets', 200],
    ['agent', '/v1/customers', 200],
    ['agent', '/v1/mailboxes', 403],
    ['agent', '/v1/agents', 403],
    ['agent', '/v1/groups', 403],
    ['agent', '/v1/folders', 403],
    ['agent', '/v1/widgets', 403],
    ['agent', '/v1/kb', 403],
    ['agent', '/v1/tickets/count', 403],
    ['expired', '/v1/mailboxes', 401],
    ['revoked', '/v1/mailboxes', 401],
    ['unknown', '/v1/mailboxes', 401],
    ['none', '/v1/mailboxes', 401],
    ['none', '/v1/no-such-thing', 401],
  ])('answers a %s token on GET %s with %i', async (name, path, status) => {
    const answer = await call(sandbox, 'GET', path, { token: tokenValue(name) });

    expect(answer.status).toBe(status);
    if (status !== 200) expect(JSON.parse(answer.text)).toHaveProperty('errors');
    expect(sandbox.log.at(-1)).toMatchObject({
      path,
      token: name,
      auth: name === 'none' ? 'none' : 'header',
    });
  });

  it('refuses a non-admin token on PUT /customers/:email with 403', async () => {
    const email = String(sandbox.data.customers().next().value?.email);
    const answer = await call(sandbox, 'PUT', `/v1/customers/${encodeURIComponent(email)}`, {
      token: sandbox.tokens.agent,
      body: { email, about: 'changed' },
    });

    expect(answer.status).toBe(403);
    expect(sandbox.data.customer(email)?.about).not.toBe('changed');
  });

  it('accepts a token in ?access_token= like Groove, but logs it as auth query with the value hidden', async () => {
    const answer = await call(
      sandbox,
      'GET',
      `/v1/mailboxes?access_token=${sandbox.tokens.admin}`,
      {
        token: null,
      },
    );
    const entry = sandbox.log.at(-1);

    expect(answer.status).toBe(200);
    expect(entry).toMatchObject({
      auth: 'query',
      token: 'admin',
      query: { access_token: '[redacted]' },
    });
  });

  it('keeps every token value out of the request log', async () => {
    await call(sandbox, 'GET', `/v1/tickets?customer=${sandbox.tokens.revoked}`, {
      token: sandbox.tokens.expired,
    });
    const printed = JSON.stringify(sandbox.log);

    for (const value of Object.values(sandbox.tokens)) expect(printed).not.toContain(value);
  });

  it('answers an unknown path under /v1 with 404 once the token is good', async () => {
    const answer = await call(sandbox, 'GET', '/v1/nothing-here');

    expect(answer.status).toBe(404);
  });
});
