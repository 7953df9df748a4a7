import { discover } from '../../source/discover';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { stringFlag } from '../flags';
import { loadCredential } from '../inputs';
import { type AirbyteStream, catalogMessage } from '../protocol';

export const discoverCommand: Command = {
  name: 'discover',
  summary: 'Print the catalog: every stream with its record schema, primary key and cursor.',
  usage: 'discover [--credential FILE]',
  details: [
    'Prints one CATALOG message. The streams are fixed by Groove v1, so discover sends no',
    'request; a credential given is validated (offline), as engines pass one to every command.',
  ].join('\n'),
  flags: {
    credential: {
      type: 'string',
      valueName: 'FILE',
      description: 'A credential form as JSON, checked offline.',
    },
  },
  protocol: true,
  async run(values, context) {
    const credentialFile = stringFlag(values, 'credential');
    if (credentialFile !== undefined) {
      await loadCredential(credentialFile, context.env, context.secrets);
    }

    const streams = discover().streams.map((stream): AirbyteStream => {
      const incremental = stream.sync_modes.includes('incremental');
      const airbyte: AirbyteStream = {
        name: stream.name,
        json_schema: stream.json_schema,
        supported_sync_modes: stream.sync_modes,
        // Airbyte keys are lists of paths; ours are lists of top-level fields.
        source_defined_primary_key: stream.primary_key.map((field) => [field]),
        is_resumable: incremental,
      };
      if (stream.cursor_field !== undefined) {
        airbyte.source_defined_cursor = true;
        airbyte.default_cursor_field = stream.cursor_field;
      }
      return airbyte;
    });

    await context.messages.write(catalogMessage(streams));
    return ExitCode.success;
  },
};
