import { testCredential } from '../../credential/test-credential';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { readCredentialFields } from '../inputs';
import { connectionStatusMessage, logMessage } from '../protocol';
import { CREDENTIAL_FLAG } from '../form-flags';

// A check that ran answers SUCCEEDED or FAILED; the exit code says which kind of FAILED.
const CONFIGURATION_STATUSES = new Set([
  'invalid_credential',
  'authentication_failed',
  'permission_denied',
]);

export const checkCommand: Command = {
  name: 'check',
  summary: 'Test the credential with one cheap request to Groove.',
  usage: 'check --credential FILE',
  details: [
    'Prints a LOG warning per thing to act on (above all a key that expires within 30 days,',
    'from api_key_created_on), then one CONNECTION_STATUS message: SUCCEEDED, or FAILED with',
    'the reason. Exit 0 when it succeeded; 2 when the credential or the key is at fault (invalid,',
    'rejected, not an admin); 1 when Groove or the network failed.',
    'The key comes from the credential file or GROOVE_API_KEY, which overrides it.',
  ].join('\n'),
  flags: {
    credential: CREDENTIAL_FLAG,
  },
  protocol: true,
  async run(values, context) {
    const fields = await readCredentialFields(
      String(values['credential']),
      context.env,
      context.secrets,
    );

    const result = await testCredential(fields, { signal: context.signal, logger: context.logger });

    for (const warning of result.warnings)
      await context.messages.write(logMessage('WARN', warning));
    await context.messages.write(connectionStatusMessage(result.ok, result.message));
    if (result.ok) return ExitCode.success;
    if (CONFIGURATION_STATUSES.has(result.status)) return ExitCode.configuration;
    if (result.status === 'cancelled') return context.interruptedExitCode() ?? ExitCode.failure;
    return ExitCode.failure;
  },
};
