import type { GrooveConnectorError } from '../errors';
import type { OperationName } from './operations';
import type { WriteResult, WriteStatus, WriteSummary } from './results';

/** Counts results as they pass, for the summary that closes a write. */
export class Tally {
  records = 0;
  private readonly counts: Record<WriteStatus, number> = {
    created: 0,
    updated: 0,
    failed: 0,
    unknown: 0,
    dry_run: 0,
  };

  constructor(
    private readonly operation: OperationName,
    private readonly dryRun: boolean,
  ) {}

  add(result: WriteResult): void {
    this.records += 1;
    this.counts[result.status] += 1;
  }

  summary(
    requests: number,
    stop: { index: number; error: GrooveConnectorError } | undefined,
  ): WriteSummary {
    const stopped =
      stop === undefined
        ? null
        : { code: stop.error.code, message: stop.error.message, index: stop.index };
    return {
      type: 'summary',
      operation: this.operation,
      dry_run: this.dryRun,
      records: this.records,
      counts: { ...this.counts },
      stopped,
      requests,
    };
  }
}
