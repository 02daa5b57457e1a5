import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import { silentLogger } from '../../electron/core/app/logger';
import { toUserFacingError } from '../../electron/core/app/userFacingError';
import { canFix, fixableChecks } from '../../electron/shared/samAppChecks';
import { SamAppService } from '../../electron/core/samApp/samAppService';
import { requiredResources } from '../../electron/shared/samPermissions';
import { requestedResourceAppIds } from '../sim/state';
import { chromiumOpener, launchChromium } from '../support/browser';
import { simCaller, type SimCaller } from '../support/simHttp';
import { useSimulatedApp } from '../support/simulatedApp';

const GRAPH = '00000003-0000-0000-c000-000000000000';
const AZURE = '797f4846-ba00-4fd7-ba43-dac1f8f63013';
const EXCHANGE = '00000002-0000-0ff1-ce00-000000000000';
/** Every API the SAM app needs (samPermissions.ts): Partner Center, Graph, Azure, Exchange, Key Vault. */
const REQUIRED = requiredResources.map((resource) => resource.resourceAppId);

/**
 * Creating and repairing the SAM app through the simulated Graph, signed in for real (MSAL, Chromium).
 * The service's waits for replication advance the simulator's clock instead of the wall clock.
 */
describe('creating the SAM app through Microsoft Graph', () => {
  let api: SimCaller;
  let browser: Browser;
  const setup = useSimulatedApp({
    cloud: { customers: 5 },
    services: async (sim) => {
      browser = await launchChromium(sim);
      return { opener: chromiumOpener(browser, sim, { consent: false }), logger: silentLogger };
    },
  });
  let samApp: SamAppService;
  const waits: number[] = [];

  beforeAll(async () => {
    api = simCaller(setup.sim);
    const opener = chromiumOpener(browser, setup.sim, { consent: false });
    const sleep = async (ms: number) => {
      waits.push(ms);
      await api.control('clock', { advanceSeconds: ms / 1000 });
    };
    samApp = new SamAppService(setup.isolated.environment.cloud, setup.services.http, setup.services.vault, opener, undefined, { sleep });
    await samApp.signIn(setup.sim.partnerDomain, 'embedded');
  });
  afterEach(async () => {
    await api.call('DELETE', '/_sim/faults');
    await api.control('replication', { delayMs: 0 });
    waits.length = 0;
  });
  afterAll(async () => {
    await browser?.close();
  });

  const appsNamed = (name: string) => [...setup.sim.state.apps.values()].filter((app) => app.displayName === name);
  const servicePrincipalsOf = (appId: string) => setup.sim.state.servicePrincipals.filter((sp) => sp.appId === appId && sp.tenantId === setup.sim.partnerTenantId);
  /** The partner tenant's grants for the app, per resource app id: their ids and scopes. */
  const grantsOf = (appId: string) =>
    Object.fromEntries(setup.sim.state.permissionGrantsOf(setup.sim.partnerTenantId, appId, servicePrincipalsOf(appId)[0]!.id).map(({ grant, resourceAppId }) => [resourceAppId, grant]));
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

  /** Exactly one app of that name, one service principal, one secret (the keychain's), one grant per resource. */
  async function expectExactlyOne(name: string) {
    const [app, ...others] = appsNamed(name);
    expect(others).toEqual([]);
    expect(servicePrincipalsOf(app!.appId)).toHaveLength(1);
    expect(app!.passwordCredentials).toHaveLength(1);
    const stored = await setup.isolated.keychain.get(`sam-app/${app!.appId}/client-secret`);
    expect(app!.passwordCredentials[0]!.secretHash).toBe(sha256(stored!));
    expect(Object.keys(grantsOf(app!.appId)).sort()).toEqual([...REQUIRED].sort());
    return app!;
  }

  it('creates an app that asks for Partner Center, Graph, Azure Resource Manager and Exchange Online, with an admin-consent grant for each', async () => {
    const result = await samApp.create('SAM Desk (every resource)');

    expect(result.checks.filter((check) => check.status !== 'pass')).toEqual([]);
    const app = await expectExactlyOne('SAM Desk (every resource)');
    expect(requestedResourceAppIds(app)).toEqual(expect.arrayContaining(REQUIRED));
    const grants = grantsOf(app.appId);
    expect(grants[AZURE]!.scope).toBe('user_impersonation');
    expect(grants[EXCHANGE]!.scope).toBe('Exchange.Manage');
    expect(grants[GRAPH]!.scope.split(' ')).toEqual(expect.arrayContaining(['Directory.AccessAsUser.All', 'DelegatedAdminRelationship.Read.All', 'User.Read']));
    expect(result.newSecret?.text).toBe(await setup.isolated.keychain.get(`sam-app/${app.appId}/client-secret`));
  });

  it('a second Create with the same name finds the app again: no second app, service principal, grant or secret', async () => {
    const first = await samApp.create('SAM Desk (twice)');
    const grantIds = Object.values(grantsOf(first.app.appId)).map((grant) => grant.id);
    const second = await samApp.create('SAM Desk (twice)');

    expect(second.app.appId).toBe(first.app.appId);
    expect(second.newSecret).toBeUndefined();
    expect(second.checks.filter((check) => check.status !== 'pass')).toEqual([]);
    const app = await expectExactlyOne('SAM Desk (twice)');
    expect(Object.values(grantsOf(app.appId)).map((grant) => grant.id)).toEqual(grantIds);
  });

  it('an answer lost after each write (a 500 or a dropped connection after Graph committed it) still makes exactly one app, service principal, secret and grant per resource', async () => {
    await api.control('faults', { path: "/applications(uniqueName='", method: 'PATCH', status: 500, afterCommit: true });
    await api.control('faults', { path: "/servicePrincipals(appId='", method: 'PATCH', reset: true, afterCommit: true });
    await api.control('faults', { path: '/oauth2PermissionGrants', method: 'POST', status: 500, afterCommit: true });
    await api.control('faults', { path: '/addPassword', status: 500, afterCommit: true });
    await api.control('faults', { path: '/addPassword', reset: true, afterCommit: true });

    const result = await samApp.create('SAM Desk (lost answers)');

    expect(setup.sim.state.controls.faults).toEqual([]);
    expect(result.checks.filter((check) => check.status !== 'pass')).toEqual([]);
    const app = await expectExactlyOne('SAM Desk (lost answers)');
    expect(sha256(result.newSecret!.text)).toBe(app.passwordCredentials[0]!.secretHash);
  });

  it('waits out replication of the new app, service principal, secret and grants (reads 404 for a while), and writes each once', async () => {
    await api.control('replication', { delayMs: 10_000 });
    await api.call('DELETE', '/_sim/stats');

    const result = await samApp.create('SAM Desk (replicating)');

    expect(result.checks.filter((check) => check.status !== 'pass')).toEqual([]);
    expect(waits.length).toBeGreaterThan(0);
    await expectExactlyOne('SAM Desk (replicating)');
    const { routes } = (await api.call('GET', '/_sim/stats')).json as { routes: Record<string, number> };
    expect(routes).toMatchObject({ 'graph application upsert': 1, 'graph servicePrincipal upsert': 1, 'graph addPassword': 1 });
  });

  it('stops with a plain message when Graph replicates slower than SAM Desk waits, and the next Create finishes without duplicates', async () => {
    await api.control('replication', { delayMs: 600_000 });
    const error = await samApp.create('SAM Desk (slow directory)').catch((e: unknown) => e);
    expect(toUserFacingError(error)).toMatchObject({
      kind: 'microsoft',
      message: expect.stringMatching(/^Microsoft Graph has not shown the new app registration yet \(waited \d+ seconds\)\. Nothing was lost or made twice: try again in a minute/),
    });
    expect(waits.reduce((sum, ms) => sum + ms, 0)).toBeLessThan(60_000);

    await api.control('replication', { delayMs: 0 });
    const result = await samApp.create('SAM Desk (slow directory)');
    expect(result.checks.filter((check) => check.status !== 'pass')).toEqual([]);
    await expectExactlyOne('SAM Desk (slow directory)');
  });

  it('a Retry-After longer than SAM Desk waits ends at once in a plain message saying when to try again, and creates nothing', async () => {
    await api.control('faults', { path: "/applications(uniqueName='", status: 429, retryAfter: 600 });
    const error = await samApp.create('SAM Desk (throttled)').catch((e: unknown) => e);

    expect(toUserFacingError(error)).toEqual({
      kind: 'microsoft',
      message: 'Microsoft Graph is limiting requests right now (429 Too Many Requests); try again in 10 minutes.',
    });
    expect(appsNamed('SAM Desk (throttled)')).toEqual([]);
  });

  it('a gateway page (502) and an empty 401 read as plain sentences, never HTML or "undefined"', async () => {
    await api.control('faults', { path: '/graph/v1.0/applications', method: 'GET', status: 502, count: -1 });
    const gateway = toUserFacingError(await samApp.validate(setup.sim.samAppId, undefined).catch((e: unknown) => e));
    expect(gateway).toEqual({ kind: 'microsoft', message: 'Microsoft Graph answered 502 Bad Gateway (a gateway error page); try again in a minute.' });

    await api.call('DELETE', '/_sim/faults');
    await api.control('faults', { path: '/graph/v1.0/applications', method: 'GET', status: 401 });
    const unauthorized = toUserFacingError(await samApp.validate(setup.sim.samAppId, undefined).catch((e: unknown) => e));
    expect(unauthorized).toEqual({ kind: 'microsoft', message: 'Microsoft Graph answered 401 Unauthorized without saying why; sign in again, then try again.' });
    for (const message of [gateway.message, unauthorized.message]) expect(message).not.toMatch(/<|undefined/);
  });

  it('reports a missing Exchange grant even where Graph’s is there, and Fix grants only Exchange', async () => {
    setup.sim.state.revokeConsent(setup.sim.partnerTenantId, setup.sim.samAppId, EXCHANGE);
    const kept = grantsOf(setup.sim.samAppId);
    const before = await samApp.validate(setup.sim.samAppId, setup.sim.samAppSecret);

    expect(before.checks.find((check) => check.id === 'admin-consent')).toMatchObject({
      status: 'fail',
      detail: 'Granted for Partner Center, Microsoft Graph, Azure Resource Manager and Azure Key Vault; not granted for Exchange Online.',
    });
    expect(canFix(before.checks)).toBe(true);
    expect(fixableChecks(before.checks).map((check) => check.id)).toEqual(['admin-consent']);

    const after = await samApp.fix(setup.sim.samAppId, { newSecret: false });
    expect(after.checks.find((check) => check.id === 'admin-consent')?.status).toBe('pass');
    const grants = grantsOf(setup.sim.samAppId);
    expect(grants[EXCHANGE]!.scope).toBe('Exchange.Manage');
    for (const resource of REQUIRED.filter((id) => id !== EXCHANGE)) expect(grants[resource]!.id).toBe(kept[resource]!.id);
    expect(after.newSecret).toBeUndefined();
  });
});
