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
 * by a mask, and `secrets_set` naming the secrets that hold a value.
 */
export function presentCredential(
  credential: Credential,
): Record<string, unknown> & { secrets_set: string[] } {
  const shown: Record<string, unknown> = { ...credential };
  const set: string[] = [];
  for (const field of credentialSecretFields()) {
    if (typeof shown[field] === 'string' && shown[field] !== '') set.push(field);
    shown[field] = MASKED_SECRET;
  }
  return { ...shown, secrets_set: set };
}

/**
 * Merges an edited form into the stored credential. A secret left blank, omitted or still
 * masked keeps its stored value; anything else replaces it. The result is validated, so a
 * mask can never become the stored key.
 */
export function mergeCredentialEdit(stored: Credential, edit: unknown): CredentialResult {
  if (typeof edit !== 'object' || edit === null || Array.isArray(edit)) {
    return validateCredential(edit);
  }
  const merged: Record<string, unknown> = { ...(edit as Record<string, unknown>) };
  delete merged['secrets_set'];
  for (const field of credentialSecretFields()) {
    const value = merged[field];
    const keep =
      value === undefined ||
      value === null ||
      (typeof value === 'string' && (value.trim() === '' || looksMasked(value)));
    if (keep) merged[field] = (stored as unknown as Record<string, unknown>)[field];
  }
  return validateCredential(merged);
}
