import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import { createServices, type Services } from '../../electron/core/app/services';
import { createHandlers } from '../../electron/core/app/handlers';
import type { Handlers } from '../../electron/core/app/handlers/types';
import { dispatch } from '../../electron/core/app/dispatch';
import { silentLogger } from '../../electron/core/app/logger';
import type { Confirmation } from '../../electron/core/app/confirmations';
import type { SamAppResult } from '../../electron/ipc/wizard';
import { startSimulatedCloud, type SimulatedCloud } from '../sim';
import { chromiumOpener, launchChromium } from '../support/browser';
import { isolatedEnvironment, type IsolatedEnvironment } from '../support/environment';

/**
 * "Create the app" and "Fix the app" as the wizard calls them (the IPC handlers, with main's own
 * confirmation): a double click makes one app and one secret, a second run finds the app again,
 * and no client secret is minted without the admin agreeing to exactly that.
 */
describe('creating and fixing the SAM app: once, and only when confirmed', () => {
  let sim: SimulatedCloud;
  let isolated: IsolatedEnvironment;
  let browser: Browser;
  let services: Services;
  let handlers: Handlers;
  const asked: Confirmation[] = [];
  let answer = true;

  beforeAll(async () => {
    sim = await startSimulatedCloud({ customers: 3 });
    isolated = isolatedEnvironment(sim);
    browser = await launchChromium(sim);
    services = createServices(isolated.environment, { opener: chromiumOpener(browser, sim, { consent: false }), logger: silentLogger });
    handlers = createHandlers(services, {
      confirm: async (confirmation) => {
        asked.push(confirmation);
        return answer;
      },
    });
    expect(await dispatch(handlers, 'samApp.signIn', { partnerTenant: sim.partnerDomain })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await browser?.close();
    await isolated?.cleanUp();
    await sim?.stop();
  });

  const appsNamed = (name: string) => [...sim.state.apps.values()].filter((app) => app.displayName === name);
  const valueOf = (envelope: Awaited<ReturnType<typeof dispatch>>) => {
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.value as SamAppResult;
  };

  it('a double click on “Create the app” asks once and makes exactly one app registration and one client secret', async () => {
    asked.length = 0;
    const [first, second] = await Promise.all([
      dispatch(handlers, 'samApp.create', { displayName: 'SAM Desk (double click)' }),
      dispatch(handlers, 'samApp.create', { displayName: 'SAM Desk (double click)' }),
    ]);
    expect(valueOf(first).app.appId).toBe(valueOf(second).app.appId);
    expect(appsNamed('SAM Desk (double click)')).toHaveLength(1);
    expect(appsNamed('SAM Desk (double click)')[0]!.passwordCredentials).toHaveLength(1);
    expect(asked.map((confirmation) => confirmation.title)).toEqual(['Create the SAM app']);
    expect(asked[0]!.detail).toContain(`keychain (service “${isolated.environment.keychainService}”)`);
  });

  it('a second run of the wizard finds the app SAM Desk created under that name, checked, instead of creating another', async () => {
    const created = appsNamed('SAM Desk (double click)')[0]!;
    // A restart: new handlers, the same tenant.
    const restarted = createHandlers(services, { confirm: async () => true });
    const found = valueOf(await dispatch(restarted, 'samApp.find', { displayName: ' SAM Desk (double click) ' }));
    expect(found.app).toEqual({ appId: created.appId, displayName: 'SAM Desk (double click)' });
    expect(found.checks.every((check) => check.status === 'pass')).toBe(true);
    expect(found.newSecret).toBeUndefined();
    expect(await dispatch(restarted, 'samApp.find', { displayName: 'SAM Desk (never made)' })).toEqual({ ok: true, value: null });
    expect(appsNamed('SAM Desk (double click)')).toHaveLength(1);
    expect(created.passwordCredentials).toHaveLength(1);
  });

  it('“Fix the app” that needs a new secret asks exactly that first, saying where it is kept; declined, nothing is written', async () => {
    const app = appsNamed('SAM Desk (double click)')[0]!;
    // The keychain lost the app's secret, and the redirect moved to spa: two fixes, one of them a new secret.
    await services.vault.delete(`sam-app/${app.appId}/client-secret`);
    app.spaRedirectUris = ['http://localhost'];
    app.webRedirectUris = [];
    asked.length = 0;
    answer = false;

    const declined = await dispatch(handlers, 'samApp.fix', { clientId: app.appId });
    expect(declined).toMatchObject({ ok: false, error: { kind: 'cancelled', message: 'Nothing was changed: “Fix and create a secret” was not confirmed.' } });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ message: `Change the app registration ${app.appId} and create a new client secret for it?`, confirmLabel: 'Fix and create a secret' });
    expect(asked[0]!.detail).toMatch(/register http:\/\/localhost on the Web platform/);
    expect(asked[0]!.detail).toContain(`SAM Desk keeps it in your operating system’s keychain (service “${isolated.environment.keychainService}”)`);
    expect(app.passwordCredentials).toHaveLength(1);
    expect(app.spaRedirectUris).toEqual(['http://localhost']);
    expect(await services.vault.get(`sam-app/${app.appId}/client-secret`)).toBeNull();

    answer = true;
    const fixed = valueOf(await dispatch(handlers, 'samApp.fix', { clientId: app.appId }));
    expect(fixed.newSecret?.text).toBeTruthy();
    expect(app.passwordCredentials).toHaveLength(2);
    expect(await services.vault.get(`sam-app/${app.appId}/client-secret`)).toBe(fixed.newSecret!.text);
    expect(fixed.checks.every((check) => check.status === 'pass')).toBe(true);
  });

  it('a fix that needs no secret says none is created, and creates none', async () => {
    const app = appsNamed('SAM Desk (double click)')[0]!;
    app.isFallbackPublicClient = false;
    asked.length = 0;
    const fixed = valueOf(await dispatch(handlers, 'samApp.fix', { clientId: app.appId }));
    expect(asked[0]).toMatchObject({ confirmLabel: 'Fix the app', detail: expect.stringContaining('No new client secret is created.') });
    expect(fixed.newSecret).toBeUndefined();
    expect(app.passwordCredentials).toHaveLength(2);
    expect(app.isFallbackPublicClient).toBe(true);
  });
});
