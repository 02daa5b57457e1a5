/** Refused because the same bulk action ran too often lately; nothing was done. */
export class RateLimitedError extends Error {
  constructor(
    message: string,
    readonly retryAt: Date,
  ) {
    super(message);
    this.name = 'RateLimitedError';
  }
}

/**
 * At most `limit` starts per key within a sliding `windowMs`. Main applies it to what the window
 * may ask for in bulk (an access check mints a token per customer per resource): a renderer gone
 * wrong cannot turn SAM Desk into a token pump against every customer tenant.
 */
export class StartBudget {
  private readonly starts = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly describe: (limit: number, minutes: number, waitMinutes: number) => string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a start for `key`, or throws RateLimitedError when the budget is spent. */
  take(key: string): void {
    const now = this.now();
    const recent = (this.starts.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length >= this.limit) {
      const retryAt = new Date(recent[0]! + this.windowMs);
      this.starts.set(key, recent);
      throw new RateLimitedError(this.describe(this.limit, this.windowMs / 60_000, Math.max(1, Math.ceil((retryAt.getTime() - now) / 60_000))), retryAt);
    }
    this.starts.set(key, [...recent, now]);
  }
}
