import { paginate } from '../paginate';
import type { ReadContext } from '../read-context';
import type { ScanTarget, StreamConfig } from './types';

/**
 * One list per knowledge base: the one configured, or every one GET /kb names (one request,
 * reference/groove-api.md §3 row 31).
 */
export async function knowledgeBaseTargets(
  config: StreamConfig,
  context: ReadContext,
  kind: 'categories' | 'articles',
): Promise<ScanTarget[]> {
  const ids =
    config.knowledge_base_id !== undefined
      ? [config.knowledge_base_id]
      : await knowledgeBaseIds(context);

  return ids.map((id) => ({
    part: id,
    path: `/kb/${encodeURIComponent(id)}/${kind}`,
    itemsKey: kind,
    subject: `${kind} of knowledge base ${id}`,
  }));
}

/** Asked once per read, however many knowledge base streams need the list. */
const listed = new WeakMap<ReadContext, Promise<string[]>>();

function knowledgeBaseIds(context: ReadContext): Promise<string[]> {
  let ids = listed.get(context);
  if (ids === undefined) {
    ids = listKnowledgeBases(context);
    listed.set(context, ids);
  }
  return ids;
}

async function listKnowledgeBases(context: ReadContext): Promise<string[]> {
  const ids: string[] = [];
  const list = { part: '', path: '/kb', itemsKey: 'knowledge_bases', subject: 'knowledge bases' };
  for await (const page of paginate(context, list, 1)) {
    for (const item of page.items) {
      const id = item['id'];
      if (typeof id === 'string' || typeof id === 'number') ids.push(String(id));
    }
  }
  return ids;
}
