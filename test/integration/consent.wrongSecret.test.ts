import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import { createServices, type Services } from '../../electron/core/app/services';
import { createHandlers } from '../../electron/core/app/handlers';
import type { Handlers } from '../../electron/core/app/handlers/types';
import { dispatch } from '../../electron/core/app/dispatch';
import { silentLogger } from '../../electron/core/app/logger';
import { startSimulatedCloud, type SimulatedCloud } from '../sim';
import { chromiumOpener, launchChromium } from '../support/browser';
import { isolatedEnvironment, type IsolatedEnvironment } from '../support/environment';

/**
 * A mistyped client secret at sign-in, through MSAL for real: Microsoft answers AADSTS7000215 and
 * MSAL folds that answer into one string. The admin reads one plain sentence and one next action,
 * and SAM Desk forgets the secret everywhere it kept it, so no retry sends it again.
 */
describe('a wrong client secret at sign-in', () => {
  let sim: SimulatedCloud;
  let isolated: IsolatedEnvironment;
  let browser: Browser;
  let services: Services;
  let handlers: Handlers;

  beforeAll(async () => {
    sim = await startSimulatedCloud({ customers: 3 });
    isolated = isolatedEnvironment(sim);
    browser = await launchChromium(sim);
    services = createServices(isolated.environment, { opener: chromiumOpener(browser, sim), logger: silentLogger });
    handlers = createHandlers(services, { confirm: async () => true });
  });
  afterAll(async () => {
    await browser?.close();
    await isolated?.cleanUp();
    await sim?.stop();
  });

  // The right first characters (Graph's hint), the wrong rest: it passes the app check and fails at the token endpoint.
  const wrongSecret = () => `${sim.samAppSecret.slice(0, -4)}Xq9Z`;
  const authorizePages = () => sim.state.stats.get('authorize v2') ?? 0;

  it('is said in plain words with one next action (re-enter the secret) and the correlation id once; the secret is forgotten', async () => {
    const secret = wrongSecret();
    // The wizard's app check keeps a typed secret for the sign-in step.
    await dispatch(handlers, 'samApp.validate', { clientId: sim.samAppId, clientSecret: secret }).catch(() => undefined);
    expect(await isolated.keychain.get(`sam-app/${sim.samAppId}/client-secret`)).toBe(secret);

    const result = await dispatch(handlers, 'consent.start', { partnerTenant: sim.partnerDomain, clientId: sim.samAppId });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      kind: 'microsoft',
      message: 'Microsoft refused the client secret: it is not one of the SAM app’s secrets.',
      action: expect.stringMatching(/^Re-enter the secret/),
      code: 'AADSTS7000215',
      fix: 're-enter-secret',
    });
    const shown = JSON.stringify(result.error);
    expect(shown).not.toMatch(/Error\(s\)|Timestamp|Trace ID|invalid_client:/);
    expect(result.error.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(shown.split(result.error.correlationId!)).toHaveLength(2);
    expect(shown).not.toContain(secret);
    // Forgotten: clearing the field in the wizard really clears it.
    expect(await isolated.keychain.get(`sam-app/${sim.samAppId}/client-secret`)).toBeNull();
    expect(await services.profiles.list()).toEqual([]);
  });

  it('“Try again” never sends the failed secret again: typed again it is refused before any sign-in window; without it SAM Desk asks for one', async () => {
    const before = authorizePages();
    // The first test's sign-in opened the authorize page once.
    expect(before).toBeGreaterThan(0);
    const again = await dispatch(handlers, 'consent.start', { partnerTenant: sim.partnerDomain, clientId: sim.samAppId, clientSecret: wrongSecret() });
    expect(again).toMatchObject({ ok: false, error: { kind: 'invalid-input', fix: 're-enter-secret', message: 'Microsoft refused this client secret a moment ago: it is wrong or has expired.' } });
    const empty = await dispatch(handlers, 'consent.start', { partnerTenant: sim.partnerDomain, clientId: sim.samAppId });
    expect(empty).toMatchObject({ ok: false, error: { fix: 're-enter-secret' } });
    expect(authorizePages()).toBe(before);
  });

  it('re-entered correctly, the sign-in completes', async () => {
    const profile = await dispatch(handlers, 'consent.start', { partnerTenant: sim.partnerDomain, clientId: sim.samAppId, clientSecret: sim.samAppSecret });
    expect(profile).toMatchObject({ ok: true, value: { hasRefreshToken: true, level: 'healthy', user: sim.user } });
  });
});
