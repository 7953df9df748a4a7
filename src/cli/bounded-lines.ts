import { addAbortSignal, type Readable } from 'node:stream';

/** A line of input, or the sign that a line was longer than the bound and was left out. */
export type BoundedLine = { text: string } | { tooLong: true };

/**
 * Splits a byte stream into UTF-8 lines, holding at most `maxBytes` of any one line: a longer
 * line is skipped to its end and reported, so one huge line cannot exhaust memory or end the
 * run (readline keeps whole lines and fails past V8's string limit). Ends quietly on abort.
 */
export async function* boundedLines(
  input: NodeJS.ReadableStream,
  signal: AbortSignal,
  maxBytes: number,
): AsyncGenerator<BoundedLine> {
  const stream = addAbortSignal(signal, input as Readable);
  let parts: Buffer[] = [];
  let size = 0;
  let skipping = false;

  try {
    for await (const chunk of stream) {
      let rest = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      for (let newline = rest.indexOf(10); newline !== -1; newline = rest.indexOf(10)) {
        const piece = rest.subarray(0, newline);
        rest = rest.subarray(newline + 1);
        if (skipping || size + piece.length > maxBytes) yield { tooLong: true };
        else yield { text: stripCr(Buffer.concat([...parts, piece]).toString('utf8')) };
        parts = [];
        size = 0;
        skipping = false;
      }
      if (skipping) continue;
      if (size + rest.length > maxBytes) {
        skipping = true;
        parts = [];
        size = 0;
        continue;
      }
      parts.push(rest);
      size += rest.length;
    }
  } catch (error) {
    if (!signal.aborted) throw error;
    return;
  }

  if (skipping) yield { tooLong: true };
  else if (size > 0) yield { text: stripCr(Buffer.concat(parts).toString('utf8')) };
}

function stripCr(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
