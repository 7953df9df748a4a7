import { once } from 'node:events';
import type { WriteResult } from '../destination/results';
import type { InputLine } from './input-lines';
import type { MessageWriter } from './message-writer';
import { type AirbyteStateMessage, logMessage, stateMessage } from './protocol';

type Pending =
  | { kind: 'record'; line: number }
  | Extract<InputLine, { kind: 'state' }>
  | Extract<InputLine, { kind: 'malformed' }>;

/** One line of the --results file: the input line it answers, then the write's result. */
export type ResultLine = { line: number } & (
  | WriteResult
  | {
      type: 'result';
      status: 'failed';
      error: { code: 'invalid_input'; message: string; retryable: false };
    }
);

/**
 * Keeps `write`'s output in input order. Records, states and malformed lines queue as they are
 * read; results come back in input order, so each one resolves the oldest queued record, and
 * what queued behind it (a state, a malformed line) is released only then: a STATE is echoed
 * only once every record before it has its result.
 */
export class WriteSession {
  private readonly queue: Pending[] = [];
  private expectedIndex = 0;
  malformed = 0;
  private lastState: AirbyteStateMessage | undefined;

  constructor(
    private readonly messages: MessageWriter,
    private readonly results: NodeJS.WritableStream | undefined,
  ) {}

  /** Notes a line read from stdin; a state or malformed line is released once all before it are. */
  async read(input: Extract<InputLine, { kind: 'record' | 'state' | 'malformed' }>): Promise<void> {
    this.queue.push(input.kind === 'record' ? { kind: 'record', line: input.line } : input);
    if (input.kind !== 'record') await this.release();
  }

  /** Matches the result with the oldest record waiting and releases what queued behind it. */
  async resolve(result: WriteResult): Promise<number> {
    await this.release();
    const head = this.queue.shift();
    if (head?.kind !== 'record' || result.index !== this.expectedIndex) {
      throw new Error(`write() answered record ${result.index} out of order`);
    }
    this.expectedIndex += 1;

    await this.writeResult({ line: head.line, ...result });
    await this.describe(head.line, result);
    await this.release();
    return head.line;
  }

  /** Writes out what queued at the head with no record before it still waiting. */
  async release(): Promise<void> {
    while (this.queue[0] !== undefined && this.queue[0].kind !== 'record') {
      const head = this.queue.shift() as Exclude<Pending, { kind: 'record' }>;
      if (head.kind === 'state') {
        this.lastState = head.state;
        await this.messages.write(stateMessage(head.state));
        continue;
      }
      this.malformed += 1;
      const error = { code: 'invalid_input', message: head.problem, retryable: false } as const;
      await this.writeResult({ line: head.line, type: 'result', status: 'failed', error });
      await this.messages.write(logMessage('WARN', `${head.problem} It was skipped.`));
    }
  }

  /** After an interrupt: the last state echoed, again, so that the output ends on it. */
  async repeatLastState(): Promise<void> {
    if (this.lastState !== undefined) await this.messages.write(stateMessage(this.lastState));
  }

  private async writeResult(line: ResultLine): Promise<void> {
    if (this.results === undefined) return;
    if (!this.results.write(`${JSON.stringify(line)}\n`)) await once(this.results, 'drain');
  }

  /** A LOG line per result worth a look; bodies stay in the results file, never in logs. */
  private async describe(line: number, result: WriteResult): Promise<void> {
    if (result.status === 'failed') {
      const text = `line ${line}: failed (${result.error.code}): ${result.error.message}`;
      await this.messages.write(logMessage('WARN', text));
    } else if (result.status === 'unknown') {
      const text = `line ${line}: outcome unknown (${result.error.code}): ${result.error.message} ${result.check}`;
      await this.messages.write(logMessage('WARN', text));
    } else if (result.status === 'dry_run') {
      const text = `line ${line}: would send ${result.request.method} ${result.request.path}`;
      await this.messages.write(logMessage('INFO', text));
    }
  }
}
