import { InvalidInputError, type FieldIssue } from '../../errors';
import { getAjv } from '../../validation/ajv';
import { toFieldIssues } from '../../validation/issues';
import { BOUNDARY_KEY_LENGTH, BOUNDARY_LIMIT } from '../boundary';
import { CATCH_UP_MAX_PAGES } from '../catch-up';
import { GROOVE_MAX_PER_PAGE } from '../paginate';
import { STREAM_NAMES } from '../streams/registry';
import { parseGrooveTime } from '../timestamps';
import {
  emptyState,
  READABLE_STATE_VERSIONS,
  STATE_VERSION,
  type BoundaryEntry,
  type SourceState,
} from './state';

const instant = { type: 'string', title: 'Instant', minLength: 1, maxLength: 40 };

const boundary = (title: string) => ({
  title,
  type: 'array',
  maxItems: BOUNDARY_LIMIT,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['key', 'at'],
    properties: {
      key: { title: 'Record Key', type: 'string', minLength: 1, maxLength: BOUNDARY_KEY_LENGTH },
      at: { ...instant, title: 'Record Time' },
    },
  },
});

const step = { type: 'integer', minimum: 0, maximum: 10_000_000 };
const MAX_NUMBER = Number.MAX_SAFE_INTEGER;
const innerPosition = (title: string, inner?: object) => ({
  title,
  type: 'object',
  additionalProperties: false,
  required: ['page', 'offset'],
  properties: {
    page: { ...step, title: `${title} Page`, minimum: 1 },
    offset: { ...step, title: `${title} Offset` },
    number: { title: `${title} Ticket Number`, type: 'integer', minimum: 1, maximum: MAX_NUMBER },
    message_id: { title: `${title} Message Id`, type: 'string', minLength: 1, maxLength: 200 },
    ...(inner === undefined ? {} : { inner }),
  },
});

/** The state's own schema: a host may hand back anything, so nothing is trusted unchecked. */
export const STATE_SCHEMA = {
  title: 'Source State',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'streams'],
  properties: {
    version: { title: 'State Version', enum: READABLE_STATE_VERSIONS },
    streams: {
      title: 'Streams',
      type: 'object',
      propertyNames: { enum: STREAM_NAMES },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          watermark: { ...instant, title: 'Watermark' },
          boundary: boundary('Emitted At The Watermark'),
          done: { title: 'Done In This Read', const: true },
          scan: {
            title: 'Scan',
            type: 'object',
            additionalProperties: false,
            required: ['scope', 'part', 'page', 'offset'],
            properties: {
              scope: { title: 'Scan Scope', type: 'string', maxLength: 20000 },
              part: { title: 'Scan Part', type: 'string', maxLength: 200 },
              page: { title: 'Scan Page', type: 'integer', minimum: 1 },
              offset: { title: 'Scan Offset', type: 'integer', minimum: 0 },
              // A ticket's messages, then a message's attachments: two levels at most.
              inner: innerPosition('Inside The Item', innerPosition('Inside The Child')),
              max_seen: { ...instant, title: 'Latest Seen' },
              started_at: { ...instant, title: 'Scan Start' },
              boundary: boundary('Emitted By The Scan'),
              drifted: { title: 'Tickets Moved', type: 'boolean' },
              catch_up: {
                title: 'Tickets To Catch Up With',
                type: 'array',
                maxItems: CATCH_UP_MAX_PAGES * GROOVE_MAX_PER_PAGE,
                items: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
              },
            },
          },
        },
      },
    },
  },
} as const;

/** What each version added: an older state holding any of it is not one a read wrote. */
const ADDED_IN: ReadonlyArray<[version: number, field: string]> = [
  [2, 'boundary'],
  [2, 'scan/boundary'],
  [2, 'scan/drifted'],
  [2, 'scan/catch_up'],
  [3, 'scan/inner'],
];

/**
 * Checks the state a host handed back. Missing state (undefined or null) means a first read; a
 * broken one is an InvalidInputError naming the field, raised before any request. A version-1
 * state is read as it was meant and handed on as the current version.
 */
export function validateState(input: unknown): SourceState {
  if (input === undefined || input === null) return emptyState();

  const validate = getAjv().compile<Omit<SourceState, 'version'> & { version: number }>(
    STATE_SCHEMA,
  );
  if (!validate(input)) {
    throw new InvalidInputError('state', toFieldIssues(validate.errors ?? [], STATE_SCHEMA));
  }

  const state: SourceState = { ...structuredClone(input), version: STATE_VERSION };
  const issues = [
    ...badInstants(state),
    ...newerFields(state, input.version),
    ...unnamedInner(state),
  ];
  if (issues.length > 0) throw new InvalidInputError('state', issues);
  return state;
}

function badInstants(state: SourceState): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const at = (prefix: string, list: BoundaryEntry[] | undefined) =>
    (list ?? []).map((entry, index): [string, string] => [`${prefix}/${index}/at`, entry.at]);

  for (const [stream, entry] of Object.entries(state.streams)) {
    const times: Array<[string, string | undefined]> = [
      ['watermark', entry?.watermark],
      ['scan/max_seen', entry?.scan?.max_seen],
      ['scan/started_at', entry?.scan?.started_at],
      ...at('boundary', entry?.boundary),
      ...at('scan/boundary', entry?.scan?.boundary),
    ];
    for (const [name, value] of times) {
      if (value === undefined || parseGrooveTime(value) !== undefined) continue;
      const field = `streams/${stream}/${name}`;
      const message = `${field} must be an ISO 8601 time such as 2026-01-31T12:00:00.000Z.`;
      issues.push({ field, label: name, message });
    }
  }
  return issues;
}

/**
 * A place inside an item must name the item (a ticket's number, a message's id): a place saved
 * by list slot alone, by a build of version 3 that never shipped, would resume inside whatever
 * ticket sits at that slot now and lose the rest of the saved one. Refused: reading again from
 * an empty state repeats records but loses none.
 */
function unnamedInner(state: SourceState): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [stream, entry] of Object.entries(state.streams)) {
    let inner = entry?.scan?.inner;
    for (let name = 'scan/inner'; inner !== undefined; name += '/inner') {
      if (inner.number === undefined && inner.message_id === undefined) {
        const field = `streams/${stream}/${name}`;
        const message = `${field} must name the ticket (number) or message (message_id) it is inside.`;
        issues.push({ field, label: name, message });
      }
      inner = inner.inner;
    }
  }
  return issues;
}

function newerFields(state: SourceState, version: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [stream, entry] of Object.entries(state.streams)) {
    const present: Record<string, unknown> = {
      boundary: entry?.boundary,
      'scan/boundary': entry?.scan?.boundary,
      'scan/drifted': entry?.scan?.drifted,
      'scan/catch_up': entry?.scan?.catch_up,
      'scan/inner': entry?.scan?.inner,
    };
    for (const [added, name] of ADDED_IN) {
      if (added <= version || present[name] === undefined) continue;
      const field = `streams/${stream}/${name}`;
      const message = `${field} is not part of a version ${version} state.`;
      issues.push({ field, label: name, message });
    }
  }
  return issues;
}
