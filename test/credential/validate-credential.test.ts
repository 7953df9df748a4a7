import { validateCredential } from '../../src';

const KEY = 'b7c1e2d3f4a5968778695a4b3c2d1e0f';

describe('validateCredential', () => {
  it('accepts the seed form and fills in the default base URL', () => {
    const result = validateCredential({ credential_name: 'Support desk', api_key: KEY });
    expect(result).toEqual({
      ok: true,
      credential: {
        credential_name: 'Support desk',
        api_key: KEY,
        api_base_url: 'https://api.groovehq.com',
      },
    });
  });
});
