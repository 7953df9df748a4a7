import fs from 'node:fs';
import path from 'node:path';
import { listSchemaFiles, validatorFor } from '../src/validation/ajv';
import { toFieldIssues } from '../src/validation/issues';

const root = path.resolve(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'connector.json'), 'utf8'));
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

/** Every string in the manifest that names a file of the package. */
function namedPaths(): string[] {
  const uiHints = Object.values(manifest.ui_hints as Record<string, Record<string, string>>);
  return [
    ...Object.values(manifest.schemas as Record<string, string>),
    ...uiHints.flatMap((hints) => Object.values(hints)),
    ...(manifest.streams as { schema: string }[]).map((stream) => stream.schema),
    ...(manifest.operations as { schema: string }[]).map((operation) => operation.schema),
    manifest.links.readme as string,
  ];
}

describe('connector.json', () => {
  it('is valid against its own schema', () => {
    const validate = validatorFor('connector.schema.json');
    const valid = validate(manifest);
    const schema = JSON.parse(
      fs.readFileSync(path.join(root, 'schemas/connector.schema.json'), 'utf8'),
    );
    expect(valid ? [] : toFieldIssues(validate.errors ?? [], schema)).toEqual([]);
  });

  it('carries the same version as package.json', () => {
    expect(manifest.version).toBe(packageJson.version);
  });

  it('names files that exist', () => {
    const missing = namedPaths().filter((file) => !fs.existsSync(path.join(root, file)));
    expect(missing).toEqual([]);
  });

  it('names the entry module and the command line that package.json builds', () => {
    expect(manifest.entry).toBe(packageJson.main);
    expect(manifest.cli).toBe(packageJson.bin['groove-connector']);
  });

  it('names every schema and UI-hint file the package ships', () => {
    const named = new Set(namedPaths());
    const shipped = [
      ...listSchemaFiles().map((file) => `schemas/${file}`),
      ...fs.readdirSync(path.join(root, 'schemas/ui')).map((file) => `schemas/ui/${file}`),
    ];
    expect(shipped.filter((file) => !named.has(file))).toEqual([]);
  });

  it('says the key is sent as a Bearer token from the credential field that holds it', () => {
    const credentialSchema = JSON.parse(
      fs.readFileSync(path.join(root, manifest.schemas.credential), 'utf8'),
    );
    expect(manifest.auth).toMatchObject({ header: 'Authorization', scheme: 'Bearer' });
    expect(credentialSchema.properties[manifest.auth.credential_field]['x-secret']).toBe(true);
  });
});
