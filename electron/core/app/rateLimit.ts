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

/** Access checks per profile within ten minutes: enough to re-run after a fix, not a token pump. */
export const ACCESS_CHECKS_PER_WINDOW = 5;
/** A check of this many customers or fewer (one customer's "Will it work here?") is not bulk. */
const BULK_CUSTOMERS = 25;

/** Draws on the budget when a check reaches more than a handful of customers (all of them when none are named). */
export function takeForBulk(budget: StartBudget, request: { profileId: string; customerTenantIds?: readonly string[] }): void {
  if (request.customerTenantIds === undefined || request.customerTenantIds.length > BULK_CUSTOMERS) budget.take(request.profileId);
}

/** The budget the window's bulk actions share: an access check mints a token per customer and resource. */
export function bulkMintingBudget(now: () => number = Date.now): StartBudget {
  return new StartBudget(
    ACCESS_CHECKS_PER_WINDOW,
    10 * 60_000,
    (limit, minutes, wait) =>
      `Access was checked ${limit} times in the last ${minutes} minutes, each time with a token for every customer. Check again in ${wait} minute${wait === 1 ? '' : 's'}.`,
    now,
  );
}
