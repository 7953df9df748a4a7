import {
  notFound,
  ok,
  pageEnvelope,
  pageRequest,
  type Reply,
  type RequestContext,
} from './http-kit';
import type { JsonObject } from './types';

// Groups, mailboxes, folders, widgets and the knowledge base. Groups, mailboxes and folders
// come as one page with no pagination meta (reference/groove-api.md §6).

export function listGroups(context: RequestContext): Reply {
  const { origin } = context;
  // List items lack description and agent_ids (reference/groove-samples/groups-list.json).
  const groups = context.account.directory.groups.map((group) => ({
    id: group.id,
    name: group.name,
    links: { agents: { href: `${origin}/v1/agents?group=${group.id}` } },
  }));
  return ok({ groups });
}

export function getGroup(context: RequestContext, id: string): Reply {
  const { directory } = context.account;
  const position = directory.groups.findIndex((candidate) => candidate.id === id);
  const group = directory.groups[position];
  if (group === undefined) return notFound('Group');
  const agentIds = directory.agents
    .filter((agent) => agent.groupIndexes.includes(position + 1))
    .map((agent) => agent.id);
  return ok({
    group: {
      id: group.id,
      name: group.name,
      description: group.description,
      links: { agents: { href: `${context.origin}/v1/agents?group=${group.id}` } },
      agent_ids: agentIds,
    },
  });
}

export function listMailboxes(context: RequestContext): Reply {
  const mailboxes = context.account.directory.mailboxes.map((mailbox) => ({
    id: mailbox.id,
    name: mailbox.name,
    email: mailbox.email,
    links: { folders: { href: `${context.origin}/v1/folders?mailbox=${mailbox.id}` } },
  }));
  return ok({ mailboxes });
}

/** Folders are account-wide here, so `?mailbox=` only has to name a mailbox that exists. */
export function listFolders(context: RequestContext): Reply {
  const { directory } = context.account;
  const mailbox = context.query.get('mailbox');
  const known = directory.mailboxes.some((m) => String(m.id) === mailbox || m.email === mailbox);
  if (mailbox !== null && !known) return notFound('Mailbox');
  return ok({ folders: directory.folders.map((folder) => ({ id: folder.id, name: folder.name })) });
}

export function listWidgets(context: RequestContext): Reply {
  return ok({ widgets: context.widgets });
}

export function listKnowledgeBases(context: RequestContext): Reply {
  return ok({ knowledge_bases: context.knowledgeBases.map((kb) => kb.record) });
}

/**
 * GET /kb/:id/categories and /kb/:id/articles (and their /search with `keyword`, `*` = all),
 * paginated like the other lists (reference/groove-api.md §3 rows 32-33).
 */
export function listKnowledgeBaseItems(
  context: RequestContext,
  kbId: string,
  kind: 'categories' | 'articles',
  search: boolean,
): Reply {
  const kb = context.knowledgeBases.find((candidate) => candidate.id === kbId);
  if (kb === undefined) return notFound('Knowledge base');

  let items: JsonObject[] = kb[kind];
  if (search) {
    const keyword = (context.query.get('keyword') ?? '').trim().toLowerCase();
    if (keyword === '') return { status: 422, body: { errors: ['keyword is required'] } };
    if (keyword !== '*') {
      items = items.filter((item) => String(item.title).toLowerCase().includes(keyword));
    }
  }
  const request = pageRequest(context.query);
  const page = items.slice(request.offset, request.offset + request.perPage);
  return pageEnvelope(context, kind, page, items.length, request);
}
