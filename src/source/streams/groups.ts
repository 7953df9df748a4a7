import { singleListStream } from './single-list';

export const groupsStream = singleListStream(
  'groups',
  '/groups',
  'groups',
  'Groups of agents (GET /groups).',
);
