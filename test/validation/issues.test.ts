import { labelFor } from '../../src/validation/issues';

const schema = {
  type: 'object',
  properties: {
    tags: { title: 'Tags', type: 'array', items: { type: 'string' } },
    streams: {
      title: 'Streams',
      type: 'array',
      items: { type: 'object', properties: { name: { title: 'Stream Name', type: 'string' } } },
    },
  },
};

describe('labelFor', () => {
  it('names a field by its title', () => {
    expect(labelFor(schema, 'streams/0/name')).toBe('Stream Name');
  });

  it('names an untitled list item after its list, counting from 1', () => {
    expect(labelFor(schema, 'tags/1')).toBe('Tags item 2');
  });

  it('falls back to the field name where the schema has no title', () => {
    expect(labelFor(schema, 'unknown_field')).toBe('unknown_field');
  });
});
