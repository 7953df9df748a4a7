import type { ListStreamSpec } from './types';

export const foldersStream: ListStreamSpec = {
  name: 'folders',
  description: 'Folders (GET /folders), of every mailbox or of the one given as Mailbox.',
  schemaFile: 'records/folders.schema.json',
  incremental: false,
  targets: (config) => [
    {
      part: '',
      path: '/folders',
      query: { mailbox: config.mailbox },
      itemsKey: 'folders',
      subject: 'folders',
    },
  ],
};
