import { inspect } from 'node:util';
import type { LogFields, Logger } from '../../../src/logger';

/** One place a secret was found: what was scanned, and which form of the secret it held. */
export interface Leak {
  where: string;
  form: string;
}

/**
 * Collects everything the connector hands out (what it returned, threw, logged, printed or put
 * into state) and looks for a secret in every form it could travel in: as is, URL-encoded,
 * base64 (as in a Basic header) and JSON-escaped. A test ends by asserting `leaks` is empty.
 */
export class LeakScanner {
  readonly leaks: Leak[] = [];
  private scannedItems = 0;
  private readonly forms: Array<[string, string]>;

  constructor(secrets: readonly string[]) {
    this.forms = secrets.flatMap((secret): Array<[string, string]> => [
      ['raw', secret],
      ['url-encoded', encodeURIComponent(secret)],
      ['base64', Buffer.from(secret).toString('base64')],
      ['json', JSON.stringify(secret).slice(1, -1)],
    ]);
  }

  /** Texts and values scanned so far. */
  get scanned(): number {
    return this.scannedItems;
  }

  text(where: string, text: string): void {
    this.scannedItems += 1;
    for (const [form, value] of this.forms) {
      if (value !== '' && text.includes(value)) this.leaks.push({ where, form });
    }
  }

  /** A returned value: as JSON and as util.inspect shows it. */
  value(where: string, value: unknown): void {
    this.text(`${where} (JSON)`, safeJson(value));
    this.text(`${where} (inspect)`, inspect(value, { depth: 12, showHidden: true }));
  }

  /** A thrown value, every way a host might print it, its causes included. */
  thrown(where: string, error: unknown): void {
    let current: unknown = error;
    for (let depth = 0; current !== undefined && current !== null && depth < 5; depth += 1) {
      if (current instanceof Error) {
        this.text(`${where} message`, current.message);
        this.text(`${where} stack`, current.stack ?? '');
        this.text(`${where} String()`, String(current));
      }
      this.value(where, current);
      current = current instanceof Error ? current.cause : undefined;
    }
  }

  /** A Logger that keeps nothing but scans every line it is given. */
  logger(where = 'log'): Logger & { lines: number } {
    const scan =
      (level: string) =>
      (message: string, fields?: LogFields): void => {
        counter.lines += 1;
        this.text(`${where} ${level}`, `${message} ${safeJson(fields ?? {})}`);
      };
    const counter = {
      lines: 0,
      debug: scan('debug'),
      info: scan('info'),
      warn: scan('warn'),
      error: scan('error'),
    };
    return counter;
  }
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch (error) {
    return `unserializable: ${String(error)}`;
  }
}
