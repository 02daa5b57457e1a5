/** Progress of a check (Check access's probes, the access check), as events that do not flood the window. */
import type { EventSink } from '../app/events';
import type { GateClock } from './throttleGate';

const PROGRESS_EVERY_MS = 100;

/** Progress events at most every 100 ms (a 4,000-cell check must not flood the renderer). */
export class Progress {
  private checked = 0;
  private failed = 0;
  private lastEmit = 0;

  constructor(
    private readonly events: EventSink,
    private readonly event: 'accessCheck.progress' | 'probes.progress',
    private readonly profileId: string,
    private readonly total: number,
    private readonly clock: GateClock,
  ) {
    this.emit();
  }

  done(failed: boolean): void {
    this.checked++;
    if (failed) this.failed++;
    if (this.clock.now() - this.lastEmit >= PROGRESS_EVERY_MS) this.emit();
  }

  finish(): void {
    this.emit();
  }

  private emit(): void {
    this.lastEmit = this.clock.now();
    this.events.emit(this.event, { profileId: this.profileId, checked: this.checked, total: this.total, failed: this.failed });
  }
}
