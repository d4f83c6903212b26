import { printable } from './printable';
/** A one-line progress bar on stderr, drawn only on a terminal (never into a pipe or a log). */
export class Progress {
  private readonly on: boolean;
  private count = 0;

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.on = Boolean(stream.isTTY) && total > 0;
  }

  /** One more item done; `name` is shown after the bar. */
  tick(name: string): void {
    this.count++;
    if (!this.on) return;
    const width = 30;
    const filled = Math.round((this.count / this.total) * width);
    const line = `${this.label} ${this.count}/${this.total} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${printable(name)}`;
    this.stream.write(`\r\x1b[K${line.slice(0, Math.max(10, (this.stream.columns ?? 80) - 1))}`);
  }

  /** Clears the bar so what follows starts on a clean line. */
  end(): void {
    if (this.on) this.stream.write('\r\x1b[K');
  }
}
