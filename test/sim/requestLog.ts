/**
 * The requests a simulator answered (method, path, status, time; never query strings or bodies,
 * so no code or token), kept in memory so a failing test can save what its simulator saw.
 */
export class RequestLog {
  private lines: string[] = [];
  private dropped = 0;

  constructor(private readonly keep = 5_000) {}

  add(line: string): void {
    this.lines.push(`${new Date().toISOString()} ${line}`);
    if (this.lines.length > 2 * this.keep) {
      this.dropped += this.lines.length - this.keep;
      this.lines = this.lines.slice(-this.keep);
    }
  }

  /** A position to read from later: every line added after now. */
  mark(): number {
    return this.dropped + this.lines.length;
  }

  since(mark = 0): string[] {
    return this.lines.slice(Math.max(0, mark - this.dropped));
  }
}

/** Every simulator running in this process, for the test runners' failure artifacts. */
export const runningClouds = new Set<{ requestLog: RequestLog; url: string }>();
