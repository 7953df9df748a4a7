import fs from 'node:fs/promises';
import { InvalidInputError } from '../errors';
import { type Credential, validateCredential } from '../credential/validate-credential';
import { flagError } from './flags';

/** Overrides the credential file's key, so the key can stay out of files as well as flags. */
export const API_KEY_VARIABLE = 'GROOVE_API_KEY';

/**
 * Reads a JSON file named by a flag. Errors name the flag and the file, never the content: a
 * parser's message quotes the text around the error, which may be a key.
 */
export async function readJsonFile(file: string, flag: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw flagError(flag, `${file} cannot be read (${code}).`);
  }

  try {
    // Windows editors start UTF-8 files with a byte-order mark, which JSON does not allow.
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    throw flagError(flag, `${file} is not valid JSON.`);
  }
}

/**
 * Reads the credential file as form fields, with GROOVE_API_KEY (when set) replacing its key.
 * Every form of the key is added to `secrets` before anything can print, so writers mask it.
 */
export async function readCredentialFields(
  file: string,
  env: NodeJS.ProcessEnv,
  secrets: string[],
): Promise<Record<string, unknown>> {
  const input = await readJsonFile(file, '--credential');
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw flagError('--credential', `${file} must hold a JSON object of form fields.`);
  }

  const fields = { ...(input as Record<string, unknown>) };
  rememberSecret(fields['api_key'], secrets);
  const fromEnvironment = env[API_KEY_VARIABLE];
  if (fromEnvironment !== undefined && fromEnvironment !== '') {
    rememberSecret(fromEnvironment, secrets);
    fields['api_key'] = fromEnvironment;
  }
  return fields;
}

/** The credential file (and GROOVE_API_KEY), validated: an InvalidInputError names each field. */
export async function loadCredential(
  file: string,
  env: NodeJS.ProcessEnv,
  secrets: string[],
): Promise<Credential> {
  const result = validateCredential(await readCredentialFields(file, env, secrets));
  if (!result.ok) throw new InvalidInputError('credential', result.errors);
  rememberSecret(result.credential.api_key, secrets);
  return result.credential;
}

// Shorter than any valid key (the schema asks for 16 characters): such a value is refused
// before anything is sent, and masking it would garble output (a key of " " masks every space).
const SHORTEST_SECRET = 8;

function rememberSecret(value: unknown, secrets: string[]): void {
  if (typeof value !== 'string') return;
  for (const form of [
    value,
    value.trim(),
    value
      .trim()
      .replace(/^bearer\s+/i, '')
      .trim(),
  ]) {
    if (form.length >= SHORTEST_SECRET && !secrets.includes(form)) secrets.push(form);
  }
}

/** The credential (--credential, GROOVE_API_KEY) and the form (--config) of read and write. */
export async function loadCredentialAndForm(
  values: Readonly<Record<string, unknown>>,
  context: { env: NodeJS.ProcessEnv; secrets: string[] },
): Promise<{ credential: Credential; form: unknown }> {
  const credential = await loadCredential(
    String(values['credential']),
    context.env,
    context.secrets,
  );
  const form = await readJsonFile(String(values['config']), '--config');
  return { credential, form };
}
