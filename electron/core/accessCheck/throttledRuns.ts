import { noEvents, type EventSink } from '../app/events';
import { INITIAL_CONCURRENCY, ThrottleGate, realClock, type GateClock } from './throttleGate';

/**
 * What the access check and "Check access" share: one run at a time (starting one cancels the one
 * before), the clock the throttle gate reads and the sink progress goes to.
 */
export class ThrottledRuns {
  readonly clock: GateClock;
  readonly events: EventSink;
  private running: AbortController | undefined;

  constructor(options: { clock?: GateClock; events?: EventSink }) {
    this.clock = options.clock ?? realClock;
    this.events = options.events ?? noEvents;
  }

  /** Cancels the run before; the new run's controller. */
  start(): AbortController {
    this.cancel();
    const abort = new AbortController();
    this.running = abort;
    return abort;
  }

  /** The run is over; a run started since is left alone. */
  finished(abort: AbortController): void {
    if (this.running === abort) this.running = undefined;
  }

  cancel(): void {
    this.running?.abort();
  }

  /** Adaptive concurrency: modest at first, growing while Microsoft answers fast, never past the request's bound. */
  gate(maxConcurrency: number): ThrottleGate {
    return new ThrottleGate(this.clock, { initial: INITIAL_CONCURRENCY, max: maxConcurrency });
  }

  isoNow(): string {
    return new Date(this.clock.now()).toISOString();
  }
}
