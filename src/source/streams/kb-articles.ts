import { knowledgeBaseTargets } from './knowledge-bases';
import type { ListStreamSpec } from './types';

export const kbArticlesStream: ListStreamSpec = {
  name: 'kb_articles',
  description:
    'Knowledge base articles (GET /kb/:knowledge_base_id/articles) of the given knowledge base, or of every one. Incremental reads emit only articles updated since the last read.',
  schemaFile: 'records/kb_articles.schema.json',
  incremental: true,
  targets: (config, context) => knowledgeBaseTargets(config, context, 'articles'),
};
