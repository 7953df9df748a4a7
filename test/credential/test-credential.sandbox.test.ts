import { testCredential } from '../../src/credential/test-credential';
import { startSandbox, type Sandbox, type SandboxTokens } from '../../src/sandbox';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 4, tickets: 20 });
});

afterAll(async () => {
  await sandbox.close();
});

beforeEach(() => {
  sandbox.clearLog();
});

function credentialFor(apiKey: string) {
  return { credential_name: 'Sandbox', api_key: apiKey, api_base_url: sandbox.url };
}

describe('testCredential against the sandbox', () => {
  it('says ok for the admin token and names the mailboxes it sees', async () => {
    const result = await testCredential(credentialFor(sandbox.tokens.admin));

    const mailboxes = sandbox.data.mailboxes();
    expect(result).toMatchObject({
      ok: true,
      status: 'ok',
      saw: {
        mailboxes: mailboxes.length,
        names: mailboxes.map((mailbox) => mailbox.name).slice(0, 10),
      },
      warnings: [],
    });
    expect(mailboxes.length).toBeGreaterThan(0);
  });

  it.each<[keyof SandboxTokens, string, RegExp]>([
    ['agent', 'permission_denied', /admin/],
    ['expired', 'authentication_failed', /wrong, expired or revoked.*Settings > Developer > API/],
    ['revoked', 'authentication_failed', /wrong, expired or revoked.*Settings > Developer > API/],
  ])('reports the %s token as %s', async (token, status, message) => {
    const result = await testCredential(credentialFor(sandbox.tokens[token]));

    expect(result).toMatchObject({ ok: false, status });
    expect(result.message).toMatch(message);
    expect(JSON.stringify(result)).not.toContain(sandbox.tokens[token]);
  });

  it('reports a key Groove never issued as authentication_failed', async () => {
    const result = await testCredential(credentialFor('0123456789abcdef0123456789abcdef'));

    expect(result).toMatchObject({ ok: false, status: 'authentication_failed' });
  });

  it('sends exactly one request, GET /v1/mailboxes, with the key in the header only', async () => {
    await testCredential(credentialFor(sandbox.tokens.admin));

    expect(
      sandbox.log.map(({ method, path, auth, token }) => ({ method, path, auth, token })),
    ).toEqual([{ method: 'GET', path: '/v1/mailboxes', auth: 'header', token: 'admin' }]);
  });

  it('reports network_error when nothing listens at the base URL', async () => {
    const closed = await startSandbox({ tickets: 1 });
    const url = closed.url;
    await closed.close();

    const result = await testCredential({
      ...credentialFor(sandbox.tokens.admin),
      api_base_url: url,
    });

    expect(result).toMatchObject({ ok: false, status: 'network_error' });
    expect(result.message).toContain('ECONNREFUSED');
  });
});
