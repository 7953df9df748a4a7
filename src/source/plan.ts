import type { StreamName } from '../generated/source';
import type { SourceConfig } from './config';
import { listItemHandler } from './handlers/list-items';
import { messageItemHandler } from './handlers/message-items';
import { ticketItemHandler } from './handlers/ticket-items';
import type { SourceMessage } from './messages';
import type { ReadContext } from './read-context';
import { runScan } from './scan';
import { ScanCursor } from './scan-cursor';
import type { StateStore } from './state/state-store';
import { messagesTarget } from './streams/messages';
import { LIST_STREAMS, STREAMS } from './streams/registry';
import { readTicketCounts } from './streams/ticket-counts';
import { ticketFilters, ticketListTarget } from './streams/tickets';
import type { StreamConfig } from './streams/types';

/** One pass over Groove: a plain list, ticket counts, or one scan shared by several streams. */
export interface ReadUnit {
  streams: StreamName[];
  run(context: ReadContext, store: StateStore): AsyncGenerator<SourceMessage>;
}

type TicketFamily = 'tickets' | 'messages' | 'attachments';

/**
 * Groups the configured streams into passes, in the form's order. tickets, messages and
 * attachments that page through the same tickets share one scan: each ticket page is fetched
 * once, and each ticket's messages once, however many of those streams are read.
 */
export function planRead(config: SourceConfig): ReadUnit[] {
  const units: ReadUnit[] = [];
  const families = new Map<string, Map<TicketFamily, StreamConfig>>();

  for (const stream of config.streams) {
    if (stream.name === 'ticket_counts') {
      units.push({
        streams: ['ticket_counts'],
        run: (context) => readTicketCounts(stream, context),
      });
    } else if (
      stream.name === 'tickets' ||
      stream.name === 'messages' ||
      stream.name === 'attachments'
    ) {
      const scope = familyScope(stream);
      const members = families.get(scope);
      if (members !== undefined) {
        members.set(stream.name, stream);
        continue;
      }
      const created = new Map<TicketFamily, StreamConfig>([[stream.name, stream]]);
      families.set(scope, created);
      units.push(familyUnit(scope, created, config));
    } else {
      units.push(listUnit(stream, config));
    }
  }
  return units;
}

/** What a ticket-family stream pages through: filtered tickets, or given tickets' messages. */
function familyScope(stream: StreamConfig): string {
  if (stream.name === 'tickets') return `tickets ${stableJson(ticketFilters(stream))}`;
  const numbers = stream.ticket_numbers;
  return numbers === undefined
    ? `tickets ${stableJson({})}`
    : `ticket_numbers ${JSON.stringify([...numbers].sort((a, b) => a - b))}`;
}

function familyUnit(
  scope: string,
  members: Map<TicketFamily, StreamConfig>,
  config: SourceConfig,
): ReadUnit {
  return {
    get streams() {
      return [...members.keys()];
    },
    async *run(context, store) {
      const cursor = (name: TicketFamily) =>
        members.has(name) ? newCursor(name, store, scope, config) : undefined;
      const cursors = {
        tickets: cursor('tickets'),
        messages: cursor('messages'),
        attachments: cursor('attachments'),
      };
      const all = [cursors.tickets, cursors.messages, cursors.attachments].filter(
        (c): c is ScanCursor => c !== undefined,
      );

      const numbers = [...members.values()][0]?.ticket_numbers;
      if (cursors.tickets !== undefined || numbers === undefined) {
        const target = ticketListTarget(ticketFilters(members.get('tickets')));
        const { handle, catchUp, finishFirst } = ticketItemHandler(context, cursors);
        const scan = { scope, cursors: all, targets: [target], handle, catchUp, finishFirst };
        yield* runScan(context, store, scan);
      } else {
        const targets = [...numbers].sort((a, b) => a - b).map(messagesTarget);
        const handle = messageItemHandler(context, cursors);
        yield* runScan(context, store, { scope, cursors: all, targets, handle });
      }
    },
  };
}

function listUnit(stream: StreamConfig, config: SourceConfig): ReadUnit {
  const spec = LIST_STREAMS[stream.name as keyof typeof LIST_STREAMS];
  const scope = `${stream.name} ${stableJson(stream)}`;
  return {
    streams: [stream.name],
    async *run(context, store) {
      if (config.sync_mode === 'incremental' && !spec.incremental) {
        const message = `${stream.name} has no update time in Groove, so it is read in full.`;
        yield { type: 'LOG', level: 'info', message };
      }
      const cursor = newCursor(stream.name, store, scope, config);
      const targets = await spec.targets(stream, context);
      const handle = listItemHandler(spec, cursor);
      yield* runScan(context, store, { scope, cursors: [cursor], targets, handle });
    },
  };
}

function newCursor(
  name: StreamName,
  store: StateStore,
  scope: string,
  config: SourceConfig,
): ScanCursor {
  const definition = STREAMS.find((stream) => stream.name === name);
  const incremental = config.sync_mode === 'incremental' && definition?.incremental === true;
  return new ScanCursor(name, store.get(name), scope, {
    incremental,
    startDate: config.start_date,
  });
}

/** JSON with sorted keys, so the same options always give the same scope. */
function stableJson(value: object): string {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return JSON.stringify(Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b))));
}
