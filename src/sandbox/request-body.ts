import type { IncomingMessage } from 'node:http';

// Request bodies: JSON, or form-encoded as the older clients send (reference/groove-api.md §4.4).

export type RequestBody =
  { kind: 'none' } | { kind: 'parsed'; value: unknown } | { kind: 'invalid'; message: string };

const MAX_BODY_BYTES = 1_000_000;

export async function readBody(request: IncomingMessage): Promise<RequestBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return { kind: 'invalid', message: 'The request body is too large' };
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { kind: 'none' };

  const type = request.headers['content-type'] ?? '';
  if (type.includes('application/x-www-form-urlencoded')) {
    const value: Record<string, string | boolean> = {};
    for (const [name, field] of new URLSearchParams(text)) {
      value[name] = field === 'true' ? true : field === 'false' ? false : field;
    }
    return { kind: 'parsed', value };
  }
  try {
    return { kind: 'parsed', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'invalid', message: 'The request body is not valid JSON' };
  }
}
