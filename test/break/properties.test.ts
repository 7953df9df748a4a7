import fc from 'fast-check';
import { grooveMessages } from '../../src/client/groove-messages';
import { retryAfterMs, waitAskedMs } from '../../src/client/rate-limit-headers';
import { requestTarget } from '../../src/client/request-target';
import type { GrooveClient, GrooveRequest, GrooveResponse } from '../../src/client/types';
import { customerPath, ticketPath } from '../../src/destination/operations/paths';
import { quietLogger } from '../../src/logger';
import { ABSOLUTE_MAX_PAGES, pageBound, paginate } from '../../src/source/paginate';
import { PartialFailures } from '../../src/source/partial-failures';
import { formatInstant, parseGrooveTime, parseStartDate } from '../../src/source/timestamps';
import { Figures } from './support/figures';

const figures = new Figures('properties');
afterAll(() => figures.report());

const RUNS = 300;
/** Runs a property and counts the inputs it tried. */
function check<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => boolean | void): void {
  fc.assert(fc.property(arbitrary, predicate), { numRuns: RUNS, seed: 20261203 });
  figures.inputs += RUNS;
}
async function checkAsync<T>(
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => Promise<boolean | void>,
): Promise<void> {
  await fc.assert(fc.asyncProperty(arbitrary, predicate), { numRuns: 100, seed: 20261203 });
  figures.inputs += 100;
}

// Whole seconds from 1970 to 2199, as Groove writes them.
const instants = fc.integer({ min: 0, max: 7_258_118_399 }).map((seconds) => seconds * 1000);
const offsets = fc.integer({ min: -12 * 60, max: 14 * 60 });

const pad = (value: number, width = 2): string => String(Math.abs(value)).padStart(width, '0');
function spaced(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString();
  const sign = offsetMinutes < 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.trunc(Math.abs(offsetMinutes) / 60))}${pad(Math.abs(offsetMinutes) % 60)}`;
  return `${local.slice(0, 10)} ${local.slice(11, 19)} ${zone}`;
}
const isoZ = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}Z`;

describe('Groove times (both formats, reference/groove-api.md §5.9)', () => {
  it('reads an ISO 8601 UTC time back to the instant it was written from', () => {
    check(instants, (ms) => parseGrooveTime(isoZ(ms)) === ms);
  });

  it('reads the webhook format with any offset to the same instant as ISO 8601', () => {
    check(
      fc.tuple(instants, offsets),
      ([ms, offset]) => parseGrooveTime(spaced(ms, offset)) === ms,
    );
  });

  it('round-trips every instant through the state format', () => {
    check(instants, (ms) => parseGrooveTime(formatInstant(ms)) === ms);
  });

  it('orders instants as the times they name, whatever their formats and offsets', () => {
    check(fc.tuple(instants, offsets, instants), ([a, oa, b]) => {
      const left = parseGrooveTime(spaced(a, oa));
      const right = parseGrooveTime(isoZ(b));
      return Math.sign((left ?? Number.NaN) - (right ?? Number.NaN)) === Math.sign(a - b);
    });
  });

  it('never throws on any value, and gives a number only for a real time', () => {
    check(fc.oneof(fc.string(), fc.anything()), (value) => {
      const parsed = parseGrooveTime(value);
      const start = typeof value === 'string' ? parseStartDate(value) : undefined;
      return [parsed, start].every((out) => out === undefined || Number.isFinite(out));
    });
  });

  it('refuses a calendar day that does not exist instead of rolling it over', () => {
    check(
      fc.tuple(fc.integer({ min: 1970, max: 2199 }), fc.integer({ min: 2, max: 12 })),
      ([year, month]) => {
        const day = new Date(Date.UTC(year, month - 1, 0)).getUTCDate() + 1;
        const previous = `${year}-${pad(month - 1)}-${pad(day)}T00:00:00Z`;
        return parseGrooveTime(previous) === undefined;
      },
    );
  });
});

describe("Groove's error bodies (reference/groove-api.md §8, §13.2)", () => {
  it('never throws, and gives at most 10 short, single-line messages for any body', () => {
    const bodies = fc.oneof(
      fc.string({ maxLength: 2000 }),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
    );
    check(bodies, (body) => {
      const messages = grooveMessages(body);
      return messages.length <= 10 && messages.every((m) => m.length <= 300 && !/[\r\n]/.test(m));
    });
  });

  it("keeps Groove's own words from every documented shape", () => {
    const word = fc.stringMatching(/^[a-z]{1,20}( [a-z]{1,20}){0,3}$/);
    check(word, (text) => {
      const shapes = [
        { error: text },
        { errors: text },
        { errors: [text] },
        { message: text },
        { errors: { email: [text] } },
      ];
      return shapes.every((shape) =>
        grooveMessages(JSON.stringify(shape)).some((m) => m.includes(text)),
      );
    });
  });

  it('never reads nesting deeper than a few levels, however deep the body', () => {
    check(fc.integer({ min: 1, max: 3000 }), (depth) => {
      const body = '{"errors":'.repeat(depth) + '"deep"' + '}'.repeat(depth);
      return grooveMessages(body).length <= 1;
    });
  });
});

describe('waits Groove asks for (Retry-After, X-RateLimit-*)', () => {
  it('never throws and never gives a negative or non-finite wait, whatever the headers say', () => {
    const header = fc.oneof(
      fc.string(),
      fc.integer().map(String),
      fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
    );
    check(fc.tuple(header, header, header), ([retryAfter, remaining, reset]) => {
      const now = Date.UTC(2026, 11, 3);
      const waits = [
        retryAfterMs(retryAfter, now),
        waitAskedMs({ 'retry-after': retryAfter }, now),
        waitAskedMs({ 'x-ratelimit-remaining': remaining, 'x-ratelimit-reset': reset }, now),
      ];
      return waits.every((wait) => wait === undefined || (Number.isFinite(wait) && wait >= 0));
    });
  });
});

describe('emails and ticket numbers in request paths', () => {
  const ORIGIN = 'https://api.groovehq.com';

  it('encodes any email as one path segment that stays on the configured origin and decodes back', () => {
    const emails = fc.oneof(
      fc.emailAddress(),
      fc.string({ minLength: 1, maxLength: 80 }).map((s) => `${s}@example.com`),
    );
    check(emails, (email) => {
      const path = customerPath(email);
      const target = requestTarget({ method: 'PUT', path }, ORIGIN);
      const url = new URL(`${ORIGIN}/v1${target}`);
      const segments = url.pathname.split('/');
      return (
        url.origin === ORIGIN &&
        segments.length === 4 &&
        decodeURIComponent(segments[3] ?? '') === email
      );
    });
  });

  it('puts any safe ticket number in the path as its digits', () => {
    check(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (number) => {
      const target = requestTarget({ method: 'GET', path: ticketPath(number, 'messages') }, ORIGIN);
      return target === `/tickets/${number}/messages`;
    });
  });
});

/** A client that serves `total` items in pages of 50 with a pagination block bent by `bend`. */
function pagedClient(
  total: number,
  bend: (meta: Record<string, unknown>, page: number) => void,
): GrooveClient & { asked: number } {
  const stats = { requests: 0, retries: 0, rateLimited: 0, waitedMs: 0 };
  const client = {
    asked: 0,
    stats,
    async request<T>(request: GrooveRequest): Promise<GrooveResponse<T>> {
      client.asked += 1;
      const page = Number(request.query?.['page'] ?? 1);
      const items = Array.from(
        { length: Math.max(0, Math.min(50, total - (page - 1) * 50)) },
        (_, i) => ({ id: (page - 1) * 50 + i }),
      );
      const totalPages = Math.ceil(total / 50);
      const meta: Record<string, unknown> = {
        current_page: page,
        total_pages: totalPages,
        total_count: total,
        next_page: page < totalPages ? `https://elsewhere.example/v1/items?page=${page + 1}` : null,
      };
      bend(meta, page);
      return { status: 200, data: { items, meta: { pagination: meta } } as T, headers: {} };
    },
  };
  return client;
}

describe('pagination blocks, right or wrong (reference/groove-api.md §6, §13.13)', () => {
  const bends: Array<[string, (meta: Record<string, unknown>, page: number) => void]> = [
    ['as documented', () => undefined],
    [
      'total_pages over-reported',
      (meta) => (meta['total_pages'] = Number(meta['total_pages']) + 5),
    ],
    ['numbers as text', (meta) => Object.keys(meta).forEach((k) => (meta[k] = String(meta[k])))],
    [
      'no totals',
      (meta) => {
        delete meta['total_pages'];
        delete meta['total_count'];
      },
    ],
    [
      'next_page never null',
      (meta, page) => (meta['next_page'] = `https://elsewhere.example/?page=${page + 1}`),
    ],
    ['current_page wrong', (meta) => (meta['current_page'] = 1)],
  ];

  it.each(bends)('yields every item once and stops, with %s', async (_name, bend) => {
    await checkAsync(fc.integer({ min: 0, max: 400 }), async (total) => {
      const client = pagedClient(total, bend);
      const context = {
        client,
        signal: new AbortController().signal,
        logger: quietLogger,
        failures: new PartialFailures(),
      };
      const ids: unknown[] = [];
      for await (const page of paginate(
        context,
        { part: '', path: '/items', itemsKey: 'items', subject: 'items' },
        1,
      )) {
        for (const item of page.items) ids.push(item['id']);
      }
      const pages = Math.ceil(total / 50);
      return ids.length === total && new Set(ids).size === total && client.asked <= pages + 1;
    });
  });

  it('bounds the pages of any total_count, and never throws on it', () => {
    check(fc.anything(), (totalCount) => {
      const bound = pageBound(totalCount);
      return Number.isInteger(bound) && bound >= 2 && bound <= ABSOLUTE_MAX_PAGES;
    });
  });
});
