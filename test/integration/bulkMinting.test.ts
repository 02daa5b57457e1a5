import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/core/app/handlers';
import { ACCESS_CHECKS_PER_WINDOW } from '../../electron/core/app/rateLimit';
import { dispatch } from '../../electron/core/app/dispatch';
import { signedInProfile } from '../support/signedInProfile';
import { useSimulatedApp } from '../support/simulatedApp';

/**
 * The renderer asks, main decides: a window that calls "check access" in a loop would mint a token
 * for every customer each time. Main admits a few checks per profile per ten minutes, then refuses
 * in words, before any token is asked for.
 */
describe('bulk token minting is rate-limited by main', () => {
  const setup = useSimulatedApp({ cloud: { customers: 3 } });

  it(`admits ${ACCESS_CHECKS_PER_WINDOW} access checks per profile in ten minutes and refuses the next without a token request`, async () => {
    const services = setup.newServices();
    const handlers = createHandlers(services);
    const profile = await signedInProfile(setup.sim, services, 'p-bulk');
    // The window's Check access (probes) and the plain access check draw on one budget.
    const run = (channel: 'probes.run' | 'accessCheck.run') => dispatch(handlers, channel, { profileId: profile.id, resources: ['graph'], concurrency: 2 });
    for (let i = 0; i < ACCESS_CHECKS_PER_WINDOW; i++) expect(await run(i % 2 ? 'accessCheck.run' : 'probes.run')).toMatchObject({ ok: true });

    const mark = setup.sim.requestLog.mark();
    expect(await run('probes.run')).toEqual(await run('accessCheck.run'));
    expect(await run('probes.run')).toEqual({
      ok: false,
      error: {
        kind: 'invalid-input',
        code: 'rate-limited',
        message: `Access was checked ${ACCESS_CHECKS_PER_WINDOW} times in the last 10 minutes, each time with a token for every customer. Check again in 10 minutes.`,
      },
    });
    expect(setup.sim.requestLog.since(mark).filter((line) => line.includes('/token'))).toEqual([]);
    // One customer's "Will it work here?" is not bulk: it still runs.
    expect(await dispatch(handlers, 'probes.run', { profileId: profile.id, resources: ['graph'], customerTenantIds: [setup.sim.state.customers[0]!.id] })).toMatchObject({ ok: true });
  });
});
