import type { FieldIssue } from '../errors';
import type { GrooveCredential } from '../generated/credential';
import { readSchema, validatorFor } from '../validation/ajv';
import { labelFor, toFieldIssues } from '../validation/issues';
import { DEFAULT_API_BASE_URL, checkBaseUrl, normalizeBaseUrl } from './base-url';
import { looksMasked } from './secret-fields';

export const CREDENTIAL_SCHEMA = 'credential.schema.json';

export { DEFAULT_API_BASE_URL };

/** A credential that passed validation, with every default filled in. */
export type Credential = GrooveCredential & { api_base_url: string };

export type CredentialResult =
  { ok: true; credential: Credential } | { ok: false; errors: FieldIssue[] };

/**
 * Checks a credential as a host's form submitted it, offline. Tidies what people paste
 * (surrounding whitespace, a trailing newline, a copied `Bearer ` prefix) and otherwise names
 * every problem by its form label. No error ever contains the key.
 */
export function validateCredential(input: unknown): CredentialResult {
  const schema = readCredentialSchema();
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    const message = 'The credential must be an object of form fields.';
    return { ok: false, errors: [{ field: '(root)', label: 'Credential', message }] };
  }

  const draft = tidy(input as Record<string, unknown>);
  const keyIssues = checkApiKey(draft['api_key'], labelFor(schema, 'api_key'));
  const validate = validatorFor<GrooveCredential>(CREDENTIAL_SCHEMA);
  const schemaIssues = validate(draft) ? [] : toFieldIssues(validate.errors ?? [], schema);

  const urlIssues = checkBaseUrl(draft['api_base_url'], labelFor(schema, 'api_base_url'));

  // Our own sentences about the key and the URL say more than the schema's pattern errors.
  const explained = new Set([...keyIssues, ...urlIssues].map((issue) => issue.field));
  const errors = [
    ...keyIssues,
    ...urlIssues,
    ...schemaIssues.filter((issue) => !explained.has(issue.field)),
  ];
  if (errors.length > 0) return { ok: false, errors: dedupe(errors) };

  const credential = draft as unknown as GrooveCredential;
  return {
    ok: true,
    credential: { ...credential, api_base_url: credential.api_base_url ?? DEFAULT_API_BASE_URL },
  };
}

let cachedSchema: Record<string, unknown> | undefined;

function readCredentialSchema(): Record<string, unknown> {
  cachedSchema ??= readSchema(CREDENTIAL_SCHEMA);
  return cachedSchema;
}

/** Trims pasted text and drops optional fields left empty, which forms submit as "". */
function tidy(input: Record<string, unknown>): Record<string, unknown> {
  const draft: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    if (typeof value !== 'string') {
      setOwn(draft, name, value);
      continue;
    }
    let text = value.trim();
    if (name === 'api_key') text = text.replace(/^bearer(\s+|$)/i, '').trim();
    if (name === 'api_base_url') text = normalizeBaseUrl(text);
    const optional = name !== 'api_key' && name !== 'credential_name';
    if (optional && text === '') continue;
    setOwn(draft, name, text);
  }
  return draft;
}

/** Defines an own property, so a pasted `__proto__` key stays a field (and is rejected). */
function setOwn(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function checkApiKey(key: unknown, label: string): FieldIssue[] {
  if (typeof key !== 'string') return [];
  const issue = (message: string): FieldIssue[] => [{ field: 'api_key', label, message }];
  if (key === '') {
    return issue(
      `${label} is required: paste the token generated in Groove under Settings > Developer > API.`,
    );
  }
  if (looksMasked(key)) {
    return issue(`${label} looks like the masked placeholder, not a key: paste the key itself.`);
  }
  if (/[\s]/u.test(key)) {
    return issue(
      `${label} contains spaces or line breaks inside it: paste the key alone, exactly as Groove shows it.`,
    );
  }
  if (/[^\x21-\x7e]/.test(key)) {
    return issue(
      `${label} contains control or non-ASCII characters: copy the key again from Groove.`,
    );
  }
  return [];
}

function dedupe(issues: FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.field}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
