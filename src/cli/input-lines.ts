import { boundedLines } from './bounded-lines';
import type { AirbyteStateMessage } from './protocol';

/** The longest line `write` reads; Groove would refuse a record this large anyway. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

/** One line of `write`'s stdin, numbered from 1. */
export type InputLine =
  | { kind: 'record'; line: number; data: Record<string, unknown> }
  | { kind: 'state'; line: number; state: AirbyteStateMessage }
  | { kind: 'malformed'; line: number; problem: string }
  | { kind: 'ignored'; line: number; type: string };

// Protocol messages a source may interleave with its records; `write` has no use for them.
const PASSED_OVER = new Map([
  ['LOG', 'log'],
  ['TRACE', 'trace'],
  ['SPEC', 'spec'],
  ['CATALOG', 'catalog'],
  ['CONNECTION_STATUS', 'connectionStatus'],
  ['CONTROL', 'control'],
]);

/**
 * Classifies one line: an Airbyte RECORD (its data is the record), an Airbyte STATE (echoed once
 * the records before it are written), another protocol message (passed over), or a plain JSON
 * object (the record itself). A type field alone does not make a message: a plain record may
 * have a `type` of its own, so the message's payload must be there too.
 */
export function classifyLine(text: string, line: number): InputLine | undefined {
  if (text.trim() === '') return undefined;

  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'malformed', line, problem: `Line ${line} is not valid JSON.` };
  }
  if (!isObject(value)) {
    return { kind: 'malformed', line, problem: `Line ${line} is not a JSON object.` };
  }

  const type = value['type'];
  if (type === 'RECORD' && isObject(value['record'])) {
    const data = value['record']['data'];
    if (isObject(data)) return { kind: 'record', line, data };
    return {
      kind: 'malformed',
      line,
      problem: `Line ${line} is a RECORD without an object in record.data.`,
    };
  }
  if (type === 'STATE' && isObject(value['state'])) {
    return { kind: 'state', line, state: value['state'] as AirbyteStateMessage };
  }
  if (typeof type === 'string' && value[PASSED_OVER.get(type) ?? '\u0000'] !== undefined) {
    return { kind: 'ignored', line, type };
  }
  return { kind: 'record', line, data: value };
}

/** The lines of `input`, classified, ending early (without error) when `signal` aborts. */
export async function* readInputLines(
  input: NodeJS.ReadableStream,
  signal: AbortSignal,
  maxBytes = MAX_LINE_BYTES,
): AsyncGenerator<InputLine> {
  let number = 0;
  for await (const line of boundedLines(input, signal, maxBytes)) {
    number += 1;
    if ('tooLong' in line) {
      const problem = `Line ${number} is longer than ${maxBytes} bytes; it was not read.`;
      yield { kind: 'malformed', line: number, problem };
      continue;
    }
    const classified = classifyLine(line.text, number);
    if (classified !== undefined) yield classified;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
