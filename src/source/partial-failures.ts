import type { GrooveConnectorError } from '../errors';
import type { LogMessage } from './messages';

/**
 * Child lists that failed without stopping the read (a ticket's messages answering 404 or
 * 403, say), tallied so the read ends with one summary. Only counts are kept, so memory stays
 * flat however many fail.
 */
export class PartialFailures {
  private readonly counts = new Map<string, number>();

  /** Records one skipped list and says so, naming what was skipped and why. */
  skip(subject: string, error: GrooveConnectorError): LogMessage {
    const key = `${error.code}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    const status = error.status === undefined ? error.code : `${error.status} ${error.code}`;
    return {
      type: 'LOG',
      level: 'warn',
      message: `Skipped ${subject}: Groove answered ${status}.`,
    };
  }

  get total(): number {
    let sum = 0;
    for (const count of this.counts.values()) sum += count;
    return sum;
  }

  /** The closing warning, or undefined when nothing was skipped. */
  summary(): LogMessage | undefined {
    if (this.total === 0) return undefined;
    const parts = [...this.counts].map(([code, count]) => `${count} ${code}`).join(', ');
    return {
      type: 'LOG',
      level: 'warn',
      message: `The read finished with ${this.total} list(s) skipped (${parts}); their records are missing from this read.`,
    };
  }
}
