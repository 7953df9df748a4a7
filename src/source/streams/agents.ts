import { singleListStream } from './single-list';

export const agentsStream = singleListStream(
  'agents',
  '/agents',
  'agents',
  'Agents (GET /agents), keyed by email.',
);
