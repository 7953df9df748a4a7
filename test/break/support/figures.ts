import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The figures a theme of the suite reports: printed as one line when its file ends, and kept in
 * a JSON file per theme (in the temp folder) so a summary can be quoted after a run.
 */
export class Figures {
  scenarios = 0;
  records = 0;
  inputs = 0;
  requests = 0;
  faults = 0;
  scanned = 0;
  leaks = 0;
  /** Counts by outcome (e.g. write results by status), printed after the totals. */
  readonly outcomes: Record<string, number> = {};

  constructor(private readonly theme: string) {}

  count(outcome: string): void {
    this.outcomes[outcome] = (this.outcomes[outcome] ?? 0) + 1;
  }

  line(): string {
    return (
      `break/${this.theme}: ${this.scenarios} scenarios, ${this.records} records checked, ` +
      `${this.inputs} inputs tried, ${this.requests} requests, ${this.faults} faults injected, ` +
      `${this.scanned} outputs scanned, leaks found = ${this.leaks}` +
      (Object.keys(this.outcomes).length > 0 ? ` (${JSON.stringify(this.outcomes)})` : '')
    );
  }

  report(): void {
    const dir = path.join(os.tmpdir(), 'groove-break-figures');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${this.theme}.json`), JSON.stringify(this, null, 2));
    console.log(this.line());
  }
}
