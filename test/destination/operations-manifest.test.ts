import fs from 'node:fs';
import path from 'node:path';
import { OPERATIONS } from '../../src/destination/operations';
import { readSchema } from '../../src/validation/ajv';

const root = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'connector.json'), 'utf8')) as {
  operations: { name: string; schema: string; creates: boolean }[];
};

describe('the write operations', () => {
  it('are the ones connector.json lists, with the same schema and the same create flag', () => {
    const listed = manifest.operations.map(({ name, schema, creates }) => ({
      name,
      schema,
      creates,
    }));
    const built = Object.values(OPERATIONS).map((operation) => ({
      name: operation.name,
      schema: `schemas/${operation.schemaFile}`,
      creates: operation.creates,
    }));

    expect(listed).toEqual(built);
  });

  it('are the ones the destination form offers', () => {
    const form = readSchema('destination.schema.json') as {
      properties: { operation: { enum: string[] } };
    };

    expect(form.properties.operation.enum).toEqual(Object.keys(OPERATIONS));
  });

  it.each(Object.values(OPERATIONS).map((operation) => [operation.name, operation] as const))(
    '%s lists as object inputs only inputs its schema has',
    (_name, operation) => {
      const properties = Object.keys(
        (readSchema(operation.schemaFile) as { properties: object }).properties,
      );

      expect(properties).toEqual(expect.arrayContaining([...operation.objectInputs]));
    },
  );
});
