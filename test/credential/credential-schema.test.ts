import { readSchema } from '../../src/validation/ajv';

const schema = readSchema('credential.schema.json') as {
  required: string[];
  additionalProperties: boolean;
  properties: Record<string, Record<string, unknown>>;
};

describe('the credential form', () => {
  it('asks for the seed page fields first, in its order and with its labels', () => {
    const titles = Object.values(schema.properties).map((field) => field['title']);
    expect(titles.slice(0, 3)).toEqual([
      'Credential Name',
      'Credential Description',
      'API Key Value',
    ]);
  });

  it('requires the name and the key, and nothing else', () => {
    expect(schema.required).toEqual(['credential_name', 'api_key']);
    expect(schema.additionalProperties).toBe(false);
  });

  it('marks the key as a masked secret for every renderer and for the module itself', () => {
    expect(schema.properties['api_key']).toMatchObject({
      format: 'password',
      writeOnly: true,
      'x-secret': true,
    });
  });

  it('tells where the key comes from, how it is sent and that it expires', () => {
    const help = String(schema.properties['api_key']?.['description']);
    expect(help).toMatch(/Settings > Developer > API/);
    expect(help).toMatch(/admin/);
    expect(help).toMatch(/Bearer/);
    expect(help).toMatch(/one year/);
  });
});
