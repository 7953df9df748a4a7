import { InvalidInputError, type FieldIssue } from '../errors';
import type { GrooveSource, Stream as StreamConfig, SyncMode } from '../generated/source';
import { readSchema, validatorFor } from '../validation/ajv';
import { labelFor, toFieldIssues } from '../validation/issues';
import { parseStartDate } from './timestamps';

export const SOURCE_SCHEMA = 'source.schema.json';

/** The pace ceiling when the form leaves it out; Groove's limit is undocumented (§9, §13.1). */
export const DEFAULT_REQUESTS_PER_MINUTE = 30;

/** A source config that passed validation, with every default filled in. */
export interface SourceConfig {
  streams: StreamConfig[];
  sync_mode: SyncMode;
  /** Milliseconds since the epoch. */
  start_date: number | undefined;
  requests_per_minute: number;
}

/**
 * Checks a source form as submitted, before any request: schema errors name the field by its
 * label; a stream picked twice and a start date that does not exist (2026-02-30) too.
 */
export function validateSourceConfig(input: unknown): SourceConfig {
  const schema = readSchema(SOURCE_SCHEMA);
  const validate = validatorFor<GrooveSource>(SOURCE_SCHEMA);
  if (!validate(input)) {
    throw new InvalidInputError(
      'source configuration',
      toFieldIssues(validate.errors ?? [], schema),
    );
  }

  const issues = [...repeatedStreams(input.streams, schema)];
  const startDate = input.start_date === undefined ? undefined : parseStartDate(input.start_date);
  if (input.start_date !== undefined && startDate === undefined) {
    const label = labelFor(schema, 'start_date');
    const message = `${label} is not a real date or time; use YYYY-MM-DD or e.g. 2026-01-31T12:00:00Z.`;
    issues.push({ field: 'start_date', label, message });
  }
  if (issues.length > 0) throw new InvalidInputError('source configuration', issues);

  return {
    streams: input.streams.map(withoutEmptyTicketNumbers),
    sync_mode: input.sync_mode ?? 'full_refresh',
    start_date: startDate,
    requests_per_minute: input.requests_per_minute ?? DEFAULT_REQUESTS_PER_MINUTE,
  };
}

/** Forms submit an emptied list as `[]`; the schema says an empty list means every ticket. */
function withoutEmptyTicketNumbers(stream: StreamConfig): StreamConfig {
  if (stream.ticket_numbers === undefined || stream.ticket_numbers.length > 0) return stream;
  const { ticket_numbers: _emptied, ...rest } = stream;
  return rest;
}

function repeatedStreams(streams: StreamConfig[], schema: Record<string, unknown>): FieldIssue[] {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  streams.forEach((stream, index) => {
    if (!seen.has(stream.name)) {
      seen.add(stream.name);
      return;
    }
    const field = `streams/${index}/name`;
    const label = labelFor(schema, field);
    issues.push({ field, label, message: `${label} "${stream.name}" is picked twice; keep one.` });
  });
  return issues;
}
