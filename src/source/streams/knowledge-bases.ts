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
  const ids = config.knowledge_base_id !== undefined ? [config.knowledge_base_id] : [];
  if (ids.length === 0) {
    const list = { part: '', path: '/kb', itemsKey: 'knowledge_bases', subject: 'knowledge bases' };
    for await (const page of paginate(context, list, 1)) {
      for (const item of page.items) {
        const id = item['id'];
        if (typeof id === 'string' || typeof id === 'number') ids.push(String(id));
      }
    }
  }

  return ids.map((id) => ({
    part: id,
    path: `/kb/${encodeURIComponent(id)}/${kind}`,
    itemsKey: kind,
    subject: `${kind} of knowledge base ${id}`,
  }));
}
