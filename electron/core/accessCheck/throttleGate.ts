import { AsyncLocalStorage } from 'node:async_hooks';
import { NetworkError, abortableSleep, parseRetryAfter, type HttpClient, type HttpResponse } from '../http/httpClient';

/** Time as the gate sees it; tests pass a recording one. */
export interface GateClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: GateClock = { now: () => Date.now(), sleep: abortableSleep };

/** A change of how many requests the gate lets out at once, for the benchmark and tests. */
export interface ConcurrencyStep {
  atMs: number;
  limit: number;
  why: 'start' | 'answered fast' | 'throttled' | 'probe answered';
}

export interface GateLimits {
  /** Requests in flight at the start: modest, until Microsoft has shown it answers fast. */
  initial: number;
  /** Never more than this (the user's "parallel requests"). */
  max: number;
}

/** Requests in flight when a check starts, before Microsoft has shown how fast it answers. */
export const INITIAL_CONCURRENCY = 4;

/** An answer within this many times the fastest one seen counts as fast: Microsoft is not queueing us. */
const FAST_FACTOR = 2;
/** Absolute slack for that comparison, so that a few ms of jitter on a fast link is not "slow". */
const FAST_SLACK_MS = 10;

interface Slot {
  sentAt: number;
  /** Order of sending: what was sent after a throttle was seen knows of it. */
  sequence: number;
  /** It waited at the gate after a throttled answer: its round trip says nothing about speed. */
  retried: boolean;
  held: boolean;
}

/**
 * How many of an access check's requests are in flight, decided the way TCP's congestion control
 * decides it (additive increase, multiplicative decrease; RFC 5681): it starts modest, doubles per
 * round trip while Microsoft answers fast, then grows by one per round; it stops growing when
 * answers slow down. A throttled answer (429, or 503, with Retry-After: "wait the number of
 * seconds specified … if the request fails again with a 429 … you are still being throttled",
 * https://learn.microsoft.com/graph/throttling; Entra ID's token endpoint throttles the same way,
 * https://learn.microsoft.com/entra/msal/dotnet/advanced/client-and-server-throttling) halves the
 * limit once per storm, closes the gate for everyone for the Retry-After, and from then on one
 * request at a time probes until one is answered: a throttled tenant sees one request per
 * Retry-After, never the whole pool again. The HTTP client's retry waits happen here (`pause`), so
 * its rule for how long to wait stays the one rule; every retry it makes counts as a throttle.
 */
export class ThrottleGate {
  /** Every pause asked for, in ms (what the HTTP client's retry wanted to wait). */
  readonly pauses: number[] = [];
  readonly trace: ConcurrencyStep[] = [];
  /** Requests sent while probing a throttle (at most one in flight): one per pause, never the pool. */
  probesSent = 0;
  private limit: number;
  /** Below it the limit doubles per round (slow start); above it, one more per round. */
  private threshold: number;
  private growth = 0;
  private inFlight = 0;
  private openAt = 0;
  private probing = false;
  private fastestMs = Infinity;
  private sent = 0;
  /** Requests sent up to the last throttle; their answers tell of that same storm. */
  private sentBeforeCut = -1;
  private waiters = new Set<() => void>();
  private readonly slot = new AsyncLocalStorage<Slot>();

  constructor(
    private readonly clock: GateClock = realClock,
    private readonly limits: GateLimits = { initial: 4, max: 8 },
  ) {
    this.limit = Math.max(1, Math.min(limits.initial, limits.max));
    this.threshold = limits.max;
    this.step('start');
  }

  /** Requests the gate lets out at once right now. */
  get concurrency(): number {
    return this.probing ? 1 : this.limit;
  }

  /** The highest limit it reached. */
  get peak(): number {
    return Math.max(...this.trace.map((step) => step.limit));
  }

  /** `http` with every request taking a slot first and giving it back when answered. */
  wrap(http: HttpClient): HttpClient {
    return { send: (request) => this.send(request.signal, () => http.send(request)) };
  }

  /** The HTTP client's retry sleep: a throttle. Hands the slot back, closes the gate for `ms`, waits for a slot again. */
  async pause(ms: number, signal?: AbortSignal): Promise<void> {
    this.pauses.push(ms);
    this.openAt = Math.max(this.openAt, this.clock.now() + ms);
    const slot = this.slot.getStore();
    if (!slot?.held) return this.wait(signal);
    this.throttled(slot);
    this.release(slot);
    await this.take(slot, signal);
    slot.retried = true;
  }

  /** Resolves once no pause is in force. */
  async wait(signal?: AbortSignal): Promise<void> {
    for (let left = this.openAt - this.clock.now(); left > 0; left = this.openAt - this.clock.now()) {
      await this.clock.sleep(left, signal);
    }
  }

  /** How long the gate stays closed from now (0: open). */
  closedForMs(): number {
    return Math.max(0, this.openAt - this.clock.now());
  }

  private async send(signal: AbortSignal | undefined, send: () => Promise<HttpResponse>): Promise<HttpResponse> {
    const slot: Slot = { sentAt: 0, sequence: 0, retried: false, held: false };
    await this.take(slot, signal);
    try {
      const response = await this.slot.run(slot, send);
      this.answered(slot, response);
      return response;
    } finally {
      this.release(slot);
    }
  }

  private async take(slot: Slot, signal?: AbortSignal): Promise<void> {
    for (;;) {
      await this.wait(signal);
      if (this.inFlight < this.concurrency) break;
      await this.nextChange(signal);
    }
    this.inFlight++;
    if (this.probing) this.probesSent++;
    slot.held = true;
    slot.sentAt = this.clock.now();
    slot.sequence = ++this.sent;
  }

  private release(slot: Slot): void {
    if (!slot.held) return;
    slot.held = false;
    this.inFlight--;
    this.wake();
  }

  private answered(slot: Slot, response: HttpResponse): void {
    if (response.status === 429 || response.status === 503) {
      // The HTTP client stopped waiting (attempts used up, or a Retry-After longer than it waits).
      const retryAfter = parseRetryAfter(response.headers['retry-after'], this.clock.now());
      if (retryAfter !== undefined) this.openAt = Math.max(this.openAt, this.clock.now() + retryAfter);
      this.throttled(slot);
      return;
    }
    // Only an answer to a request sent since the last throttle says the storm is over.
    if (slot.sequence <= this.sentBeforeCut) return;
    if (this.probing) {
      this.probing = false;
      this.step('probe answered');
      this.wake();
      return;
    }
    if (slot.retried) return;
    const tookMs = this.clock.now() - slot.sentAt;
    this.fastestMs = Math.min(this.fastestMs, tookMs);
    if (tookMs > FAST_FACTOR * this.fastestMs + FAST_SLACK_MS || this.limit >= this.limits.max) return;
    // Slow start: one more per answer doubles the limit each round; then one more per round.
    this.growth += this.limit < this.threshold ? 1 : 1 / this.limit;
    if (this.growth >= 1) {
      this.growth = 0;
      this.limit = Math.min(this.limits.max, this.limit + 1);
      this.step('answered fast');
      this.wake();
    }
  }

  /**
   * Halves the limit once per storm: answers to requests sent before the last throttle tell of the
   * same storm, and a probe throttled again says the storm goes on, not that the pool was too big.
   * When a probe is answered the pool goes on at the halved limit and grows by one per round.
   */
  private throttled(slot: Slot): void {
    if (slot.sequence <= this.sentBeforeCut) return;
    this.sentBeforeCut = this.sent;
    if (this.probing) return;
    this.probing = true;
    this.threshold = Math.max(1, Math.floor(this.limit / 2));
    this.limit = this.threshold;
    this.growth = 0;
    this.step('throttled');
  }

  private step(why: ConcurrencyStep['why']): void {
    this.trace.push({ atMs: this.clock.now(), limit: this.limit, why });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const waiter of waiters) waiter();
  }

  /** Until a slot is handed back or the limit changes. */
  private nextChange(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new NetworkError('The request was cancelled.', true));
      const onAbort = () => {
        this.waiters.delete(done);
        reject(new NetworkError('The request was cancelled.', true));
      };
      const done = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      this.waiters.add(done);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
