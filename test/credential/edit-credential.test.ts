import {
  type Credential,
  MASKED_SECRET,
  credentialSecretFields,
  mergeCredentialEdit,
  presentCredential,
} from '../../src';

const stored: Credential = {
  credential_name: 'Support desk',
  credential_description: 'Nightly export',
  api_key: 'stored-key-0123456789',
  api_base_url: 'https://api.groovehq.com',
};

describe('editing a saved credential', () => {
  it('finds the secret fields from the schema marker', () => {
    expect(credentialSecretFields()).toEqual(['api_key']);
  });

  it('presents a credential with its key masked and says the key is set', () => {
    const shown = presentCredential(stored);
    expect(shown).toEqual({ ...stored, api_key: MASKED_SECRET, secrets_set: ['api_key'] });
    expect(JSON.stringify(shown)).not.toContain(stored.api_key);
  });

  it.each([
    ['left blank', { api_key: '' }],
    ['left as whitespace', { api_key: '   ' }],
    ['omitted', {}],
    ['null', { api_key: null }],
    ['still masked with our marker', { api_key: MASKED_SECRET }],
    ['masked with asterisks by the host', { api_key: '********' }],
  ])('keeps the stored key when the edit leaves it %s', (_case, keyPart) => {
    const edit = { credential_name: 'Renamed', ...keyPart };
    const result = mergeCredentialEdit(stored, edit);
    expect(result).toEqual({
      ok: true,
      credential: {
        credential_name: 'Renamed',
        api_key: stored.api_key,
        api_base_url: stored.api_base_url,
      },
    });
  });

  it('replaces the stored key with a new value', () => {
    const result = mergeCredentialEdit(stored, { ...stored, api_key: ' new-key-0987654321 \n' });
    expect(result).toMatchObject({ ok: true, credential: { api_key: 'new-key-0987654321' } });
  });

  it('accepts the presented form back unchanged, keeping the key and dropping the marker list', () => {
    const result = mergeCredentialEdit(stored, presentCredential(stored));
    expect(result).toEqual({ ok: true, credential: stored });
  });

  it.each([
    ['another https origin', 'https://api.groovehq.com.attacker.example'],
    ['a loopback sandbox', 'http://127.0.0.1:4010'],
  ])('asks for the key again when the edit moves the credential to %s', (_case, url) => {
    const edit = { ...presentCredential(stored), api_base_url: url };
    const result = mergeCredentialEdit(stored, edit);
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          field: 'api_key',
          label: 'API Key Value',
          message: expect.stringMatching(/entered again when the API Base URL changes/),
        },
      ],
    });
  });

  it('keeps the key when the edit writes the same origin differently', () => {
    const edit = { ...presentCredential(stored), api_base_url: 'HTTPS://API.GrooveHQ.com/' };
    expect(mergeCredentialEdit(stored, edit)).toEqual({ ok: true, credential: stored });
  });

  it('takes a new key together with a new origin', () => {
    const edit = {
      ...stored,
      api_key: 'sandbox-key-0123456789',
      api_base_url: 'http://localhost:4010',
    };
    expect(mergeCredentialEdit(stored, edit)).toMatchObject({
      ok: true,
      credential: { api_key: 'sandbox-key-0123456789', api_base_url: 'http://localhost:4010' },
    });
  });

  it.each([null, 'LEAKCANARY123456', { api_key: 'LEAKCANARY123456' }])(
    'refuses to merge into a saved credential that is not valid (%p), without echoing it',
    (saved) => {
      const result = mergeCredentialEdit(saved as unknown as Credential, { credential_name: 'x' });
      expect(result.ok).toBe(false);
      expect(JSON.stringify(result)).not.toContain('LEAKCANARY');
    },
  );

  it.each(['LEAKCANARY123456', null, { ...stored, token: 'LEAKCANARY123456' }])(
    'refuses to present something that is not a valid credential (%p), without echoing it',
    (saved) => {
      let thrown: unknown;
      try {
        presentCredential(saved as unknown as Credential);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({ code: 'invalid_input' });
      expect(JSON.stringify(thrown)).not.toContain('LEAKCANARY');
      expect(String((thrown as Error).stack)).not.toContain('LEAKCANARY');
    },
  );

  it('still validates the rest of the edit and never echoes the stored key', () => {
    const result = mergeCredentialEdit(stored, { credential_name: '', api_key: MASKED_SECRET });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(stored.api_key);
  });
});
