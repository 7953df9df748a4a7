/**
 * The CLI's stderr: permanent lines (logs) and, only when stderr is a terminal, one transient
 * status line (progress) that log lines clear before they print.
 */
export class StderrTerminal {
  private statusShown = false;

  constructor(private readonly stream: NodeJS.WritableStream & { isTTY?: boolean }) {}

  get interactive(): boolean {
    return this.stream.isTTY === true;
  }

  line(text: string): void {
    this.clearStatus();
    this.stream.write(`${text}\n`);
  }

  status(text: string): void {
    if (!this.interactive) return;
    // \r and "erase line" redraw the status in place.
    this.stream.write(`\r\x1b[2K${text}`);
    this.statusShown = true;
  }

  clearStatus(): void {
    if (!this.statusShown) return;
    this.stream.write('\r\x1b[2K');
    this.statusShown = false;
  }
}
