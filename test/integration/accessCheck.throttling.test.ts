import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../electron/core/http/httpClient';
import { signedInProfile } from '../support/signedInProfile';
import { useSimulatedApp, watchedAccessCheck } from '../support/simulatedApp';

/**
 * An access check through a 429 storm that outlasts its Retry-After (Microsoft Graph's guidance:
 * "If the request fails again with a 429 error code, you are still being throttled",
 * https://learn.microsoft.com/graph/throttling). Order, not time, is asserted: what SAM Desk sent
 * once it knew it was throttled.
 */
describe('checking access while Microsoft throttles', () => {
  const setup = useSimulatedApp({ cloud: { customers: 48 } });
  let profileId: string;
  let consented: string[];

  beforeAll(async () => {
    profileId = (await signedInProfile(setup.sim, setup.services)).id;
    await setup.services.customers.list(profileId, true);
    consented = setup.sim.state.customers.filter((c) => c.relationship === 'DAP' && setup.sim.state.isConsented(c.id, setup.sim.samAppId)).map((c) => c.id);
  });

  beforeEach(() => {
    setup.sim.state.controls.faults = [];
    setup.sim.state.controls.latency = [{ ms: 20, path: '/oauth2/v2.0/token' }];
    setup.sim.state.stats.clear();
  });

  /**
   * An access check whose requests are watched as SAM Desk's HTTP client makes them: each request
   * sent (a customer's first try, or a retry once its wait is over), each throttled answer (its
   * retry wait begins), each final answer.
   */
  function watchedCheck() {
    const events: Array<'sent' | 'throttled' | 'answered'> = [];
    const accessCheck = watchedAccessCheck(setup, (pause) => {
      const sleep = async (ms: number, signal?: AbortSignal) => {
        events.push('throttled');
        await pause(ms, signal);
        events.push('sent');
      };
      const http = createHttpClient({ extraCa: setup.isolated.environment.extraCa, sleep });
      return { send: (request) => (events.push('sent'), http.send(request).finally(() => events.push('answered'))) };
    });
    return { accessCheck, events };
  }

  it('sends one probe at a time while a 429 storm outlasts its Retry-After, never the pool again, and reports no customer as throttled', async () => {
    const { accessCheck, events } = watchedCheck();
    // The first four requests (the pool starts with four) and the next two after them are throttled.
    setup.sim.state.controls.faults = [{ path: '/oauth2/v2.0/token', status: 429, retryAfter: 1, count: 6 }];
    const customers = consented.slice(0, 12);
    const report = await accessCheck.run({ profileId, resources: ['azure'], customerTenantIds: customers, concurrency: 8 });

    expect(report.customers.map((c) => c.results.azure)).toEqual(customers.map(() => ({ status: 'ok' })));
    // Every throttled answer cost one request more, no other request was made.
    expect(setup.sim.state.stats.get('token v2')).toBe(customers.length + 6);
    // From the first throttled answer SAM Desk saw to the first answer after the storm, what it sent
    // were probes, each sent after the one before was answered: never two in flight.
    const start = events.indexOf('throttled');
    const storm = events.slice(start, events.indexOf('answered', start) + 1);
    const probes = storm.filter((event) => event === 'sent').length;
    let inFlight = 0;
    let mostInFlight = 0;
    for (const event of storm) {
      if (event === 'sent') mostInFlight = Math.max(mostInFlight, ++inFlight);
      else if (inFlight > 0) inFlight--;
    }
    expect(start).toBeGreaterThan(0);
    expect(probes).toBe(3);
    expect(mostInFlight).toBe(1);
    expect(accessCheck.gate!.probesSent).toBe(3);
    expect(accessCheck.gate!.pauses.every((ms) => ms >= 1000)).toBe(true);
  });

  it('asks a customer again later when it is still throttled after the HTTP client’s four tries, instead of reporting it "Throttled"', async () => {
    const { accessCheck } = watchedCheck();
    // One at a time: the first customer's four tries are all throttled.
    setup.sim.state.controls.faults = [{ path: '/oauth2/v2.0/token', status: 429, retryAfter: 1, count: 4 }];
    const report = await accessCheck.run({ profileId, resources: ['azure'], customerTenantIds: consented.slice(0, 2), concurrency: 1 });

    expect(report.customers.map((c) => c.results.azure)).toEqual([{ status: 'ok' }, { status: 'ok' }]);
    // Four throttled tries, the same customer once more later, and the second customer.
    expect(setup.sim.state.stats.get('token v2')).toBe(4 + 1 + 1);
  });
});
