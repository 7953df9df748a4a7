import { once } from 'node:events';
import { redact } from '../secrets';
import type { AirbyteMessage } from './protocol';

/**
 * Prints protocol messages on stdout, one JSON line each. Waits for the stream to drain when its
 * buffer is full, so a slow reader of stdout slows the read instead of filling memory.
 */
export class MessageWriter {
  private written = 0;

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly secrets: readonly string[],
  ) {}

  get count(): number {
    return this.written;
  }

  async write(message: AirbyteMessage): Promise<void> {
    // The key has no business in any message; masking here is the last line of defence.
    const line = redact(JSON.stringify(message), this.secrets);
    this.written += 1;
    if (!this.out.write(`${line}\n`)) await once(this.out, 'drain');
  }
}
