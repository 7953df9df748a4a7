import type { GrooveClient } from '../../../src/client/types';
import type { Credential } from '../../../src/credential/validate-credential';
import type { WriteMessage, WriteResult } from '../../../src/destination/results';
import { write } from '../../../src/destination/write';
import type { Logger } from '../../../src/logger';
import type { LeakScanner } from './leak-scanner';

export interface WriteRun {
  results: WriteResult[];
  summaries: number;
  error: unknown;
}

/** Runs one write to its end, scanning every result, the summary and whatever it throws. */
export async function runWrite(
  credential: Credential,
  config: unknown,
  records: readonly unknown[],
  options: { client?: GrooveClient; logger: Logger; scanner: LeakScanner; dryRun?: boolean },
): Promise<WriteRun> {
  const results: WriteResult[] = [];
  let summaries = 0;
  let error: unknown;
  try {
    const messages: AsyncIterable<WriteMessage> = write(credential, config, records, {
      logger: options.logger,
      ...(options.client === undefined ? {} : { client: options.client }),
      ...(options.dryRun === undefined ? {} : { dryRun: options.dryRun }),
    });
    for await (const message of messages) {
      options.scanner.value('write message', message);
      if (message.type === 'summary') summaries += 1;
      else results.push(message);
    }
  } catch (caught) {
    error = caught;
    options.scanner.thrown('write error', caught);
  }
  return { results, summaries, error };
}
