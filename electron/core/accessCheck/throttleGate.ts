import { abortableSleep } from '../http/httpClient';

/** Time as the gate sees it; tests pass a recording one. */
export interface GateClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: GateClock = { now: () => Date.now(), sleep: abortableSleep };

/**
 * One gate shared by every request of an access check. When Microsoft throttles one request
 * (429 with Retry-After) the HTTP client's retry waits here, and so does every other request
 * before it is sent: a 429 storm slows the whole pool instead of being hammered by the other
 * workers.
 */
export class ThrottleGate {
  private openAt = 0;
  /** Every pause asked for, in ms (what the HTTP client's retry wanted to wait). */
  readonly pauses: number[] = [];

  constructor(private readonly clock: GateClock = realClock) {}

  /** The HTTP client's retry sleep: closes the gate for everyone for `ms`, then waits for it to open. */
  async pause(ms: number, signal?: AbortSignal): Promise<void> {
    this.pauses.push(ms);
    this.openAt = Math.max(this.openAt, this.clock.now() + ms);
    await this.wait(signal);
  }

  /** Resolves once no pause is in force. */
  async wait(signal?: AbortSignal): Promise<void> {
    for (let left = this.openAt - this.clock.now(); left > 0; left = this.openAt - this.clock.now()) {
      await this.clock.sleep(left, signal);
    }
  }
}
