import { ExitCode } from '../exit-codes';
import type { Command } from '../command';
import { readManifest, readManifestSchema } from '../package-info';
import { specMessage } from '../protocol';

/**
 * Airbyte's SPEC has one `connectionSpecification`: here, the credential form (what a connection
 * needs). The source and destination forms ride beside it in `sourceSpecification` and
 * `destinationSpecification`, which the protocol's open ConnectorSpecification allows.
 */
export const specCommand: Command = {
  name: 'spec',
  summary: "Print the connector's specification: credential, source and destination forms.",
  usage: 'spec',
  details: [
    'Prints one SPEC message. connectionSpecification is the credential form (JSON Schema);',
    'sourceSpecification and destinationSpecification are the source and destination forms,',
    'the --config of `read` and of `write`.',
  ].join('\n'),
  flags: {},
  protocol: true,
  async run(_values, context) {
    const manifest = readManifest();
    const schemaPath = (name: string): string | undefined => manifest.schemas[name];
    const credentialPath = schemaPath('credential');
    if (credentialPath === undefined) throw new Error('connector.json names no credential schema');

    const spec: Record<string, unknown> & { connectionSpecification: object } = {
      connectionSpecification: readManifestSchema(credentialPath),
    };
    const documentation = manifest.links?.['key_generation'];
    if (documentation !== undefined) spec['documentationUrl'] = documentation;

    const sourcePath = schemaPath('source');
    if (sourcePath !== undefined) {
      spec['sourceSpecification'] = readManifestSchema(sourcePath);
      spec['supportsIncremental'] = true;
    }
    const destinationPath = schemaPath('destination');
    if (destinationPath !== undefined) {
      spec['destinationSpecification'] = readManifestSchema(destinationPath);
      spec['supported_destination_sync_modes'] = ['append'];
    }

    await context.messages.write(specMessage(spec));
    return ExitCode.success;
  },
};
