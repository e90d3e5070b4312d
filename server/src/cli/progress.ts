/** A progress bar on standard error, only when it is a terminal and there is enough work to watch. */

export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Fewer files than this finish before a bar would be readable. */
export const PROGRESS_MIN_FILES = 20;

export class Progress {
  private readonly on: boolean;
  private lastDrawn = -1;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
  ) {
    // The count first: asking a stream whether it is a terminal can create it (process.stderr).
    this.on = total >= PROGRESS_MIN_FILES && stream.isTTY === true;
  }

  tick(done: number): void {
    if (!this.on) return;
    const width = Math.max(10, Math.min(40, (this.stream.columns ?? 80) - 30));
    const filled = Math.round((done / this.total) * width);
    if (filled === this.lastDrawn && done !== this.total) return;
    this.lastDrawn = filled;
    this.stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${this.total} files`);
  }

  /** Erases the bar so the report starts on a clean line. */
  done(): void {
    if (this.on && this.lastDrawn >= 0) this.stream.write('\r\u001b[2K');
  }
}
