/** What replaces a secret wherever one would otherwise be shown. */
export const REDACTED = '[REDACTED]';

/**
 * Masks every occurrence of each secret in `text`. The last line of defence: callers allow-list
 * what they put into messages first, and this catches what slipped through anyway.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    result = result.split(secret).join(REDACTED);
  }
  return result;
}
