import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { getAjv, listSchemaFiles, readSchema } from '../src/validation/ajv';

const root = path.resolve(__dirname, '..');
const files = listSchemaFiles();

describe('schemas/', () => {
  it.each(files)('%s compiles in ajv strict mode', (file) => {
    expect(() => getAjv().getSchema(file)).not.toThrow();
    expect(getAjv().getSchema(file)).toBeDefined();
  });

  it.each(files)('%s is written in JSON Schema draft-07', (file) => {
    expect(readSchema(file)['$schema']).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('has the generated types in step with every schema', () => {
    // Generation runs in a child process: json-schema-to-typescript cannot load inside jest.
    expect(() =>
      execFileSync(process.execPath, [path.join(root, 'scripts/generate-types.js'), '--check'], {
        cwd: root,
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });
});
