import { request } from 'node:http';
import type { Sandbox } from '../../src/sandbox';

// A bare HTTP client for the sandbox's own tests: it reports resets and raw bodies as they
// are, which is what the fault tests need to see.

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  /** Sent as is, with a JSON content type: for bodies that are not valid JSON. */
  rawBody?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export function call(
  sandbox: Pick<Sandbox, 'url' | 'tokens'>,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Answer> {
  const token = options.token === undefined ? sandbox.tokens.admin : options.token;
  const payload =
    options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const headers: Record<string, string> = { ...options.headers };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (payload !== undefined) headers['Content-Type'] = 'application/json';

  return new Promise((resolve, reject) => {
    const outgoing = request(
      `${sandbox.url}${path}`,
      { method, headers, agent: false },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    if (options.timeoutMs !== undefined) {
      outgoing.setTimeout(options.timeoutMs, () => outgoing.destroy(new Error('client timeout')));
    }
    outgoing.end(payload);
  });
}

export async function getJson<T = Record<string, unknown>>(
  sandbox: Sandbox,
  path: string,
  options: CallOptions = {},
): Promise<T> {
  const answer = await call(sandbox, 'GET', path, options);
  if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}`);
  return JSON.parse(answer.text) as T;
}

export interface Pagination {
  current_page: number;
  total_pages: number;
  total_count: number;
  next_page: string | null;
}

export type Page<K extends string> = Record<K, Array<Record<string, unknown>>> & {
  meta: { pagination: Pagination };
};
