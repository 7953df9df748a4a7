import { singleListStream } from './single-list';

export const widgetsStream = singleListStream(
  'widgets',
  '/widgets',
  'widgets',
  'Chat and knowledge base widgets (GET /widgets).',
);
