import { inspect } from 'node:util';
import { validateCredential } from '../../src';

const KEY = 'b7c1e2d3f4a5968778695a4b3c2d1e0f';
const base = { credential_name: 'Support desk', api_key: KEY };

function errorsOf(input: unknown): { field: string; label: string; message: string }[] {
  const result = validateCredential(input);
  if (result.ok) throw new Error('expected the credential to be rejected');
  return result.errors;
}

describe('validateCredential', () => {
  it('accepts the seed form and fills in the default base URL', () => {
    expect(validateCredential(base)).toEqual({
      ok: true,
      credential: { ...base, api_base_url: 'https://api.groovehq.com' },
    });
  });

  it('keeps every optional field it is given', () => {
    const input = {
      ...base,
      credential_description: 'Reads tickets nightly.\nOwned by the data team.',
      api_key_created_on: '2026-02-28',
      api_base_url: 'http://127.0.0.1:4010',
    };
    expect(validateCredential(input)).toEqual({ ok: true, credential: input });
  });

  it.each([
    ['surrounding whitespace', `  ${KEY}  `],
    ['a trailing newline', `${KEY}\n`],
    ['a pasted "Bearer " prefix', `Bearer ${KEY}`],
    ['a lower-case "bearer" prefix with a tab', `bearer\t${KEY}\r\n`],
  ])('tidies a key pasted with %s', (_case, pasted) => {
    const result = validateCredential({ ...base, api_key: pasted });
    expect(result).toMatchObject({ ok: true, credential: { api_key: KEY } });
  });

  it('drops optional fields that a form submitted empty', () => {
    const result = validateCredential({
      ...base,
      credential_description: '   ',
      api_key_created_on: '',
      api_base_url: '',
    });
    expect(result).toEqual({
      ok: true,
      credential: { ...base, api_base_url: 'https://api.groovehq.com' },
    });
  });

  it.each([
    'https://api.groovehq.com/',
    'HTTPS://API.GROOVEHQ.COM',
    'https://api.groovehq.com:443',
  ])('writes the base URL %p as its plain origin', (url) => {
    const result = validateCredential({ ...base, api_base_url: url });
    expect(result).toMatchObject({ credential: { api_base_url: 'https://api.groovehq.com' } });
  });

  it.each([
    ['a missing key', { credential_name: 'x' }, 'api_key', /API Key Value is required/],
    ['an empty key', { ...base, api_key: '' }, 'api_key', /Settings > Developer > API/],
    ['a whitespace-only key', { ...base, api_key: ' \n\t ' }, 'api_key', /required/],
    ['a lone "Bearer"', { ...base, api_key: 'Bearer ' }, 'api_key', /required/],
    ['a space inside the key', { ...base, api_key: 'abc def' }, 'api_key', /spaces or line breaks/],
    ['a newline inside the key', { ...base, api_key: 'abc\ndef' }, 'api_key', /line breaks/],
    ['a control character in the key', { ...base, api_key: 'abc\u0007def' }, 'api_key', /control/],
    ['a non-ASCII key', { ...base, api_key: 'clé-secrète' }, 'api_key', /non-ASCII/],
    ['a masked key', { ...base, api_key: '••••••••' }, 'api_key', /masked placeholder/],
    ['a key that is a number', { ...base, api_key: 12345 }, 'api_key', /must be a string/],
    ['a huge key', { ...base, api_key: 'k'.repeat(5000) }, 'api_key', /too long/],
    ['a key too short to be one', { ...base, api_key: 'abc123' }, 'api_key', /too short/],
    ['a missing name', { api_key: KEY }, 'credential_name', /Credential Name is required/],
    ['a blank name', { ...base, credential_name: '  ' }, 'credential_name', /must not be empty/],
    ['a name that is a list', { ...base, credential_name: ['a'] }, 'credential_name', /string/],
    [
      'a description that is an object',
      { ...base, credential_description: { text: 'x' } },
      'credential_description',
      /Credential Description must be a string/,
    ],
    ['an unknown field', { ...base, token: 'x' }, 'token', /"token" is not a field/],
    [
      'a __proto__ key',
      JSON.parse(`{"credential_name":"a","api_key":"k","__proto__":{}}`),
      '__proto__',
      /not a field/,
    ],
    [
      'a malformed date',
      { ...base, api_key_created_on: '28/02/2026' },
      'api_key_created_on',
      /YYYY-MM-DD/,
    ],
    [
      'an impossible date',
      { ...base, api_key_created_on: '2026-02-30' },
      'api_key_created_on',
      /YYYY-MM-DD/,
    ],
    [
      'a plain http base URL',
      { ...base, api_base_url: 'http://api.groovehq.com' },
      'api_base_url',
      /https/,
    ],
    [
      'a base URL with a path',
      { ...base, api_base_url: 'https://api.groovehq.com/v1' },
      'api_base_url',
      /no path/,
    ],
    [
      'a base URL with a user',
      { ...base, api_base_url: 'https://me@api.groovehq.com' },
      'api_base_url',
      /https/,
    ],
    [
      'a base URL that is not a URL',
      { ...base, api_base_url: 'groove' },
      'api_base_url',
      /URL|https/,
    ],
    ['an ftp base URL', { ...base, api_base_url: 'ftp://127.0.0.1' }, 'api_base_url', /https/],
    [
      'an https origin that is not Groove',
      { ...base, api_base_url: 'https://api.groovehq.com.attacker.example' },
      'api_base_url',
      /Groove's API origin \(https:\/\/api\.groovehq\.com\)/,
    ],
    [
      'an http origin that is not loopback',
      { ...base, api_base_url: 'http://10.0.0.8:8080' },
      'api_base_url',
      /loopback/,
    ],
  ])('rejects %s, naming the field', (_case, input, field, message) => {
    const errors = errorsOf(input);
    const issue = errors.find((error) => error.field === field);
    expect(issue).toBeDefined();
    expect(issue?.message).toMatch(message);
  });

  it.each([null, 'a string', 42, ['a'], undefined])('rejects %p as a whole', (input) => {
    expect(errorsOf(input)).toEqual([
      { field: '(root)', label: 'Credential', message: expect.stringMatching(/object/) },
    ]);
  });

  it('names fields by their form labels', () => {
    const labels = errorsOf({}).map((error) => error.label);
    expect(labels).toEqual(expect.arrayContaining(['Credential Name', 'API Key Value']));
  });

  it('accepts http only on loopback addresses', () => {
    for (const url of ['http://127.0.0.1:8080', 'http://localhost:3000', 'http://[::1]:9']) {
      expect(validateCredential({ ...base, api_base_url: url }).ok).toBe(true);
    }
  });

  it('never repeats the key in any error, however it is printed', () => {
    const secret = 'sEcReT-0123456789abcdef';
    const inputs = [
      { ...base, api_key: `${secret} ${secret}` },
      { ...base, api_key: `${secret}\u0001` },
      { ...base, api_key: `${secret}${'x'.repeat(600)}` },
      { ...base, api_key: secret, extra: secret },
      { ...base, api_key: secret, api_base_url: `https://${secret}.example/x` },
    ];
    for (const input of inputs) {
      const result = validateCredential(input);
      const printed = [JSON.stringify(result), inspect(result, { depth: 10 })].join('\n');
      expect(printed).not.toContain(secret);
    }
  });
});
