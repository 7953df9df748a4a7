import { knowledgeBaseTargets } from './knowledge-bases';
import type { ListStreamSpec } from './types';

export const kbCategoriesStream: ListStreamSpec = {
  name: 'kb_categories',
  description:
    'Knowledge base categories (GET /kb/:knowledge_base_id/categories) of the given knowledge base, or of every one. Incremental reads emit only categories updated since the last read.',
  schemaFile: 'records/kb_categories.schema.json',
  incremental: true,
  targets: (config, context) => knowledgeBaseTargets(config, context, 'categories'),
};
