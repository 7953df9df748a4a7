/** One step's answer: its line, or a value to keep plus its line. */
type StepAnswer<T> = string | [T, string];

const LABEL_WIDTH = 30;

/**
 * Prints the demo's steps as they finish, with the requests each spent (counted by the
 * sandbox, retries included) and its time, then a closing summary.
 */
export class DemoReport {
  private readonly startedAt = performance.now();
  private readonly startRequests: number;
  private steps = 0;

  constructor(
    private readonly say: (line: string) => void,
    private readonly requests: () => number,
  ) {
    this.startRequests = requests();
  }

  async step<T = void>(label: string, run: () => Promise<StepAnswer<T>>): Promise<T> {
    const requestsBefore = this.requests();
    const started = performance.now();
    this.steps += 1;

    const answer = await run();

    const [value, line] = typeof answer === 'string' ? [undefined as T, answer] : answer;
    const spent = `${plural(this.requests() - requestsBefore, 'request')}, ${seconds(performance.now() - started)}`;
    this.say(`  ${`${this.steps}. ${label}`.padEnd(LABEL_WIDTH)} ${line}  [${spent}]`);
    return value;
  }

  counts(records: ReadonlyMap<string, readonly unknown[]>): string {
    return [...records]
      .map(([stream, list]) => plural(list.length, stream.replace(/s$/, ''), stream))
      .join(', ');
  }

  summary(): void {
    const requests = this.requests() - this.startRequests;
    this.say(
      `Done: ${this.steps} steps, ${plural(requests, 'request')} to the sandbox, ${seconds(performance.now() - this.startedAt)}.`,
    );
  }
}

/** One line per record an incremental read brought back: what it is, never its whole body. */
export function describeChange(stream: string, record: Record<string, unknown>): string {
  if (stream === 'tickets') {
    const title = typeof record['title'] === 'string' ? ` "${record['title']}"` : '';
    return `ticket #${String(record['number'])}${title}, ${String(record['state'])}, ${String(record['message_count'] ?? '?')} messages, updated ${String(record['updated_at'])}`;
  }
  if (stream === 'messages') {
    const text =
      typeof record['plain_text_body'] === 'string'
        ? record['plain_text_body']
        : String(record['body'] ?? '');
    const excerpt = text
      .replace(/<[^>]*>/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 60);
    return `message on ticket #${String(record['ticket_number'])}: "${excerpt}${text.length > 60 ? '…' : ''}"`;
  }
  return `${stream} record`;
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
