import { InvalidInputError } from '../errors';
import { readSchema } from '../validation/ajv';
import { labelFor } from '../validation/issues';
import { DEFAULT_API_BASE_URL, normalizeBaseUrl } from './base-url';
import { MASKED_SECRET, looksMasked, secretFieldsOf } from './secret-fields';
import {
  CREDENTIAL_SCHEMA,
  type Credential,
  type CredentialResult,
  validateCredential,
} from './validate-credential';

let secretFields: string[] | undefined;

/** The credential's secret fields, as its schema marks them (`x-secret`). */
export function credentialSecretFields(): readonly string[] {
  secretFields ??= secretFieldsOf(CREDENTIAL_SCHEMA);
  return secretFields;
}

/**
 * A saved credential as a host may show it or pre-fill an edit form with: every secret replaced
 * by a mask, and `secrets_set` naming the secrets that hold a value. Anything that is not a
 * valid credential is refused rather than shown, since it may hold a secret in an odd place.
 */
export function presentCredential(
  credential: Credential,
): Record<string, unknown> & { secrets_set: string[] } {
  const checked = validateCredential(credential);
  if (!checked.ok) throw new InvalidInputError('saved credential', checked.errors);

  const shown: Record<string, unknown> = { ...checked.credential };
  const set: string[] = [];
  for (const field of credentialSecretFields()) {
    if (typeof shown[field] === 'string' && shown[field] !== '') set.push(field);
    shown[field] = MASKED_SECRET;
  }
  return { ...shown, secrets_set: set };
}

/**
 * Merges an edited form into the stored credential. A secret left blank, omitted or still
 * masked keeps its stored value, unless the edit moves the credential to another API origin:
 * then the secret must be entered again, so a saved key never follows a changed address. The
 * result is validated, so a mask can never become the stored key.
 */
export function mergeCredentialEdit(stored: Credential, edit: unknown): CredentialResult {
  const saved = validateCredential(stored);
  if (!saved.ok) {
    const message = 'The saved credential is not valid; enter the whole credential again.';
    return { ok: false, errors: [{ field: '(root)', label: 'Saved credential', message }] };
  }
  if (typeof edit !== 'object' || edit === null || Array.isArray(edit)) {
    return validateCredential(edit);
  }

  const merged: Record<string, unknown> = { ...(edit as Record<string, unknown>) };
  delete merged['secrets_set'];
  const moved = originOf(merged['api_base_url']) !== saved.credential.api_base_url;
  for (const field of credentialSecretFields()) {
    const value = merged[field];
    const kept =
      value === undefined ||
      value === null ||
      (typeof value === 'string' && (value.trim() === '' || looksMasked(value)));
    if (!kept) continue;
    if (moved) return secretNeededAgain(field);
    merged[field] = (saved.credential as unknown as Record<string, unknown>)[field];
  }
  return validateCredential(merged);
}

/** The origin an edit points at; a blank or missing base URL means the default. */
function originOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return DEFAULT_API_BASE_URL;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  return text === '' ? DEFAULT_API_BASE_URL : normalizeBaseUrl(text);
}

function secretNeededAgain(field: string): CredentialResult {
  const label = labelFor(readSchema(CREDENTIAL_SCHEMA), field);
  const message = `${label} must be entered again when the API Base URL changes, so a saved key is never sent to a new address.`;
  return { ok: false, errors: [{ field, label, message }] };
}
