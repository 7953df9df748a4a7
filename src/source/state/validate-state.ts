import { InvalidInputError, type FieldIssue } from '../../errors';
import { getAjv } from '../../validation/ajv';
import { toFieldIssues } from '../../validation/issues';
import { STREAM_NAMES } from '../streams/registry';
import { parseGrooveTime } from '../timestamps';
import { emptyState, STATE_VERSION, type SourceState } from './state';

const instant = { type: 'string', title: 'Instant', minLength: 1, maxLength: 40 };

/** The state's own schema: a host may hand back anything, so nothing is trusted unchecked. */
export const STATE_SCHEMA = {
  title: 'Source State',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'streams'],
  properties: {
    version: { title: 'State Version', const: STATE_VERSION },
    streams: {
      title: 'Streams',
      type: 'object',
      propertyNames: { enum: STREAM_NAMES },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          watermark: { ...instant, title: 'Watermark' },
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
              max_seen: { ...instant, title: 'Latest Seen' },
              started_at: { ...instant, title: 'Scan Start' },
            },
          },
        },
      },
    },
  },
} as const;

/**
 * Checks the state a host handed back. Missing state (undefined or null) means a first read; a
 * broken one is an InvalidInputError naming the field, raised before any request.
 */
export function validateState(input: unknown): SourceState {
  if (input === undefined || input === null) return emptyState();

  const validate = getAjv().compile<SourceState>(STATE_SCHEMA);
  if (!validate(input)) {
    throw new InvalidInputError('state', toFieldIssues(validate.errors ?? [], STATE_SCHEMA));
  }

  const issues = badInstants(input);
  if (issues.length > 0) throw new InvalidInputError('state', issues);
  return structuredClone(input);
}

function badInstants(state: SourceState): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [stream, entry] of Object.entries(state.streams)) {
    const times: Array<[string, string | undefined]> = [
      ['watermark', entry?.watermark],
      ['scan/max_seen', entry?.scan?.max_seen],
      ['scan/started_at', entry?.scan?.started_at],
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
