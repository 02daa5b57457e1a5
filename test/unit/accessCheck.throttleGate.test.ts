import { describe, expect, it } from 'vitest';
import { ThrottleGate, type GateClock } from '../../electron/core/accessCheck/throttleGate';
import type { HttpClient, HttpResponse } from '../../electron/core/http/httpClient';

/** Time that moves only when the test says so; sleepers wake when their time has come. */
function manualClock(): GateClock & { advance(ms: number): Promise<void> } {
  let now = 0;
  let timers: Array<{ at: number; wake: () => void }> = [];
  return {
    now: () => now,
    sleep: (ms) => new Promise<void>((wake) => timers.push({ at: now + ms, wake })),
    async advance(ms) {
      now += ms;
      const due = timers.filter((timer) => timer.at <= now);
      timers = timers.filter((timer) => timer.at > now);
      for (const timer of due) timer.wake();
      await settle();
    },
  };
}

/** Lets every promise chain that can move on do so. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Microsoft, answered by hand: each request waits until the test answers it. Behind the gate sits
 * what the HTTP client does with a 429: wait the Retry-After (the gate's pause), then send again.
 */
function handAnsweredMicrosoft(gate: ThrottleGate, clock: GateClock) {
  const waiting: Array<(response: HttpResponse) => void> = [];
  let sent = 0;
  const server: HttpClient = {
    send: () => {
      sent++;
      return new Promise((answer) => waiting.push(answer));
    },
  };
  const retrying: HttpClient = {
    async send(request) {
      for (let attempt = 1; ; attempt++) {
        const response = await server.send(request);
        if (response.status !== 429 || attempt === 4) return response;
        await gate.pause(1000, request.signal);
      }
    },
  };
  return {
    client: gate.wrap(retrying),
    inFlight: () => waiting.length,
    sent: () => sent,
    /** Answers the `count` oldest requests in flight, `afterMs` after now. */
    async answer(count: number, status: number, afterMs = 10) {
      await (clock as ReturnType<typeof manualClock>).advance(afterMs);
      for (const answer of waiting.splice(0, count)) answer({ status, headers: status === 429 ? { 'retry-after': '1' } : {}, body: '{}' });
      await settle();
    },
  };
}

const request = { method: 'POST' as const, url: 'https://login.example/t/oauth2/v2.0/token' };

describe('the access check’s adaptive concurrency (AIMD behind one throttle gate)', () => {
  it('starts modest and doubles the requests in flight each round while Microsoft answers fast, up to the most allowed', async () => {
    const clock = manualClock();
    const gate = new ThrottleGate(clock, { initial: 2, max: 8 });
    const microsoft = handAnsweredMicrosoft(gate, clock);
    const all = Array.from({ length: 30 }, () => microsoft.client.send(request));
    await settle();
    expect(microsoft.inFlight()).toBe(2);

    await microsoft.answer(2, 200);
    expect(microsoft.inFlight()).toBe(4);
    await microsoft.answer(4, 200);
    expect(microsoft.inFlight()).toBe(8);
    await microsoft.answer(8, 200);
    expect(microsoft.inFlight()).toBe(8);
    expect(gate.peak).toBe(8);

    while (microsoft.inFlight() > 0) await microsoft.answer(microsoft.inFlight(), 200);
    await Promise.all(all);
    expect(microsoft.sent()).toBe(30);
  });

  it('stops growing while answers come slower than twice the fastest (Microsoft is queueing)', async () => {
    const clock = manualClock();
    const gate = new ThrottleGate(clock, { initial: 2, max: 16 });
    const microsoft = handAnsweredMicrosoft(gate, clock);
    const all = Array.from({ length: 20 }, () => microsoft.client.send(request));
    await settle();
    await microsoft.answer(2, 200, 10);
    expect(microsoft.inFlight()).toBe(4);
    await microsoft.answer(4, 200, 100);
    await microsoft.answer(4, 200, 100);
    expect(microsoft.inFlight()).toBe(4);
    expect(gate.concurrency).toBe(4);

    while (microsoft.inFlight() > 0) await microsoft.answer(microsoft.inFlight(), 200);
    await Promise.all(all);
  });

  it('after a 429 sends one probe per Retry-After, never the pool, until one is answered; then goes on at half the limit', async () => {
    const clock = manualClock();
    const gate = new ThrottleGate(clock, { initial: 8, max: 8 });
    const microsoft = handAnsweredMicrosoft(gate, clock);
    const all = Array.from({ length: 12 }, () => microsoft.client.send(request));
    await settle();
    expect(microsoft.inFlight()).toBe(8);

    // The storm: all eight throttled. Nothing is sent until the Retry-After has passed…
    await microsoft.answer(8, 429);
    expect(microsoft.inFlight()).toBe(0);
    await clock.advance(900);
    expect(microsoft.inFlight()).toBe(0);
    // …then one probe, throttled again: one more probe a Retry-After later.
    await clock.advance(100);
    expect(microsoft.inFlight()).toBe(1);
    await microsoft.answer(1, 429);
    await clock.advance(1000);
    expect(microsoft.inFlight()).toBe(1);
    expect(gate.probesSent).toBe(2);

    // The probe is answered: the pool goes on at half the limit it had.
    await microsoft.answer(1, 200);
    expect(microsoft.inFlight()).toBe(4);
    expect(gate.trace.map((step) => [step.limit, step.why])).toEqual([
      [8, 'start'],
      [4, 'throttled'],
      [4, 'probe answered'],
    ]);

    while (microsoft.inFlight() > 0) await microsoft.answer(microsoft.inFlight(), 200);
    const responses = await Promise.all(all);
    expect(responses.every((response) => response.status === 200)).toBe(true);
    // 12 customers, 8 answered 429 in the storm and one probe once more: 21 requests, not 8 more per Retry-After.
    expect(microsoft.sent()).toBe(21);
  });

  it('gives a cancelled request’s place back and rejects the ones waiting for a place', async () => {
    const clock = manualClock();
    const gate = new ThrottleGate(clock, { initial: 1, max: 1 });
    const microsoft = handAnsweredMicrosoft(gate, clock);
    const abort = new AbortController();
    const first = microsoft.client.send({ ...request, signal: abort.signal });
    const second = microsoft.client.send({ ...request, signal: abort.signal });
    await settle();
    expect(microsoft.inFlight()).toBe(1);
    abort.abort();
    await expect(second).rejects.toMatchObject({ cancelled: true });
    await microsoft.answer(1, 200);
    await expect(first).resolves.toMatchObject({ status: 200 });
  });
});
