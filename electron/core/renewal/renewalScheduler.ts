import type { RenewalResult } from '../../ipc/profiles';
import type { RenewalService } from './renewalService';

const RENEWAL_CHECK_INTERVAL_MS = 3600_000;

export interface Timers {
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/**
 * Checks for due renewals when the app starts and every hour after. A laptop asleep for a week
 * simply renews at the next check; the 90-day limit leaves ample room.
 */
export class RenewalScheduler {
  private handle: unknown;
  /** Called after each check that renewed or failed anything, e.g. to refresh the tray and the UI. */
  private onChecked: (results: RenewalResult[]) => void = () => undefined;

  constructor(
    private readonly renewal: RenewalService,
    private readonly timers: Timers = { setInterval: (callback, ms) => setInterval(callback, ms), clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout) },
    private readonly intervalMs = RENEWAL_CHECK_INTERVAL_MS,
  ) {}

  start(onChecked: (results: RenewalResult[]) => void = () => undefined): Promise<RenewalResult[]> {
    this.stop();
    this.onChecked = onChecked;
    this.handle = this.timers.setInterval(() => void this.check(), this.intervalMs);
    return this.check();
  }

  stop(): void {
    if (this.handle !== undefined) this.timers.clearInterval(this.handle);
    this.handle = undefined;
  }

  async check(): Promise<RenewalResult[]> {
    // A check never throws into a timer: failures are recorded on each profile by the service.
    const results = await this.renewal.renewDue().catch(() => []);
    if (results.length > 0) this.onChecked(results);
    return results;
  }
}
