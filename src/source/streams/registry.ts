import type { StreamName } from '../../generated/source';
import { agentsStream } from './agents';
import { attachmentsStream } from './attachments';
import { customersStream } from './customers';
import { foldersStream } from './folders';
import { groupsStream } from './groups';
import { kbArticlesStream } from './kb-articles';
import { kbCategoriesStream } from './kb-categories';
import { mailboxesStream } from './mailboxes';
import { messagesStream } from './messages';
import { ticketCountsStream } from './ticket-counts';
import { ticketsStream } from './tickets';
import type { StreamDefinition } from './types';
import { widgetsStream } from './widgets';

/** Every stream, in the order discover() lists them. Adding one: a schema, a file, a line here. */
export const STREAMS: readonly StreamDefinition[] = [
  ticketsStream,
  messagesStream,
  customersStream,
  agentsStream,
  groupsStream,
  mailboxesStream,
  foldersStream,
  ticketCountsStream,
  attachmentsStream,
  kbCategoriesStream,
  kbArticlesStream,
  widgetsStream,
];

export const STREAM_NAMES: readonly StreamName[] = STREAMS.map((stream) => stream.name);

/** The streams read as plain lists; the ticket family and ticket counts have their own readers. */
export const LIST_STREAMS = {
  customers: customersStream,
  agents: agentsStream,
  groups: groupsStream,
  mailboxes: mailboxesStream,
  folders: foldersStream,
  kb_categories: kbCategoriesStream,
  kb_articles: kbArticlesStream,
  widgets: widgetsStream,
} as const;
