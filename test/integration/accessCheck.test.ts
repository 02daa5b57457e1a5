import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../electron/core/http/httpClient';
import { vaultAccounts } from '../../electron/core/vault/secretVault';
import type { AccessCheckReport } from '../../electron/ipc/accessCheck';
import type { EventPayloads } from '../../electron/ipc/events';
import { revoke } from '../sim/revocation';
import { signedInProfile } from '../support/signedInProfile';
import { waitUntil } from '../support/bounded';
import type { SimulatedCloud } from '../sim';
import { useSimulatedApp, watchedAccessCheck } from '../support/simulatedApp';

const tokenRequests = (sim: SimulatedCloud) => sim.state.stats.get('token v2') ?? 0;
const outcome = (report: AccessCheckReport, tenantId: string) => report.customers.find((c) => c.tenantId === tenantId)?.results;

describe('checking access across customers', () => {
  const setup = useSimulatedApp({
    cloud: { customers: 48 },
    services: () => ({
      events: { emit: (event, payload) => event === 'accessCheck.progress' && progress.push(payload as EventPayloads['accessCheck.progress']) },
    }),
  });
  let profileId: string;
  const progress: Array<EventPayloads['accessCheck.progress']> = [];

  beforeAll(async () => {
    profileId = (await signedInProfile(setup.sim, setup.services)).id;
    await setup.services.customers.list(profileId, true);
  });

  beforeEach(() => {
    setup.sim.state.controls.faults = [];
    setup.sim.state.controls.latency = [];
    setup.sim.state.controls.customerPolicies.clear();
    setup.sim.state.controls.signInFrequencySeconds = null;
    setup.sim.state.stats.clear();
    progress.length = 0;
  });

  it('reports ok for consented customers, and why the others fail (65001 not consented, 50020 expired GDAP)', async () => {
    const before = await setup.services.vault.get(vaultAccounts.refreshToken(profileId));
    const report = await setup.services.accessCheck.run({ profileId, resources: ['azure', 'graph'], concurrency: 8 });

    expect(report.customers).toHaveLength(48);
    expect(report.cancelled).toBe(false);
    const consented = setup.sim.state.customers.find((c) => c.relationship === 'DAP')!;
    expect(outcome(report, consented.id)).toEqual({ azure: { status: 'ok' }, graph: { status: 'ok' } });
    const notConsented = setup.sim.state.customers.find((c) => !setup.sim.state.isConsented(c.id, setup.sim.samAppId))!;
    expect(outcome(report, notConsented.id)?.azure).toMatchObject({
      status: 'failed',
      label: 'Not consented',
      code: 'AADSTS65001',
      reason: 'The SAM app has not been consented in this tenant.',
      action: expect.stringContaining('Grant consent'),
    });
    const expired = setup.sim.state.customers.find((c) => c.relationship === 'GDAP' && !setup.sim.state.hasDelegatedAccess(c, Date.now()))!;
    expect(outcome(report, expired.id)?.graph).toMatchObject({ status: 'failed', label: 'No relationship', code: 'AADSTS50020' });
    expect(tokenRequests(setup.sim)).toBe(96);
    expect(progress.at(-1)).toEqual({ profileId, checked: 96, total: 96, failed: expect.any(Number) });

    // 96 redemptions, one keychain write: the newest rotated token, which still works.
    expect(setup.services.accessCheck.lastRunKeychainWrites).toBe(1);
    const after = await setup.services.vault.get(vaultAccounts.refreshToken(profileId));
    expect(after).not.toBe(before);
    await expect(setup.services.keeper.redeem(profileId, consented.id, 'azure')).resolves.toHaveProperty('accessToken');
    expect(await setup.services.accessCheck.last(profileId)).toEqual(report);
  });

  it('checks only the chosen customers when given a subset', async () => {
    const chosen = setup.sim.state.customers.slice(0, 5).map((c) => c.id);
    const report = await setup.services.accessCheck.run({ profileId, resources: ['exchange'], customerTenantIds: chosen, concurrency: 8 });
    expect(report.customers.map((c) => c.tenantId)).toEqual(chosen);
    expect(tokenRequests(setup.sim)).toBe(5);
  });

  it('holds back the whole pool while Microsoft throttles (429 Retry-After), instead of hammering', async () => {
    // In order, with the gate's clock: each request the pool sends, and each throttle pause asked for.
    const events: Array<{ kind: 'send'; at: number } | { kind: 'pause'; until: number }> = [];
    const accessCheck = watchedAccessCheck(setup, (pause) => {
      const http = createHttpClient({
        extraCa: setup.isolated.environment.extraCa,
        sleep: (ms, signal) => (events.push({ kind: 'pause', until: Date.now() + ms }), pause(ms, signal)),
      });
      return { send: (request) => (events.push({ kind: 'send', at: Date.now() }), http.send(request)) };
    });
    setup.sim.state.controls.latency = [{ ms: 20, path: '/oauth2/v2.0/token' }];
    setup.sim.state.controls.faults = [{ path: '/oauth2/v2.0/token', status: 429, retryAfter: 1, count: 1 }];

    const report = await accessCheck.run({
      profileId,
      resources: ['azure'],
      customerTenantIds: setup.sim.state.customers.filter((c) => c.relationship === 'DAP').map((c) => c.id),
      concurrency: 4,
    });

    expect(report.customers.every((c) => c.results.azure?.status === 'ok')).toBe(true);
    // The retry waited at least the Retry-After the 429 carried…
    expect(accessCheck.gate!.pauses.length).toBeGreaterThanOrEqual(1);
    expect(Math.min(...accessCheck.gate!.pauses)).toBeGreaterThanOrEqual(1000);
    // …and no request was sent before it ended (those already in flight were sent before it began).
    const start = events.findIndex((event) => event.kind === 'pause');
    const pause = events[start];
    const sentAfter = events.slice(start).flatMap((event) => (event.kind === 'send' ? [event.at] : []));
    expect(start).toBeGreaterThan(0);
    expect(pause?.kind === 'pause' && sentAfter.filter((at) => at < pause.until)).toEqual([]);
    expect(sentAfter.length).toBeGreaterThan(0);
  });

  it('stops sending requests when cancelled, and marks the customers not reached as skipped', async () => {
    setup.sim.state.controls.latency = [{ ms: 150, path: '/oauth2/v2.0/token' }];
    const running = setup.services.accessCheck.run({ profileId, resources: ['azure', 'graph'], concurrency: 2 });
    await waitUntil(() => progress.some((event) => event.checked >= 2), 'the first two checked cells');
    setup.services.accessCheck.cancel();
    const report = await running;
    const sentAtCancel = tokenRequests(setup.sim);
    await new Promise((resolve) => setTimeout(resolve, 400));

    expect(report.cancelled).toBe(true);
    expect(tokenRequests(setup.sim)).toBe(sentAtCancel);
    expect(sentAtCancel).toBeLessThan(20);
    const skipped = report.customers.filter((c) => c.results.azure?.status === 'skipped');
    expect(skipped.length).toBeGreaterThan(30);
  });

  it('stops at the first answer that fails for every customer (a revoked refresh token) and says so once', async () => {
    const admin = setup.sim.state.findUser(setup.sim.user)!;
    // What /_sim/revoke does (an admin revokes every refresh token): tokens issued before then stop working.
    revoke(admin, 'admin-revoked-refresh-tokens', Date.now() + 60_000);
    try {
      await expect(setup.services.accessCheck.run({ profileId, resources: ['azure'], concurrency: 4 })).rejects.toMatchObject({ code: '50173' });
      expect(tokenRequests(setup.sim)).toBeLessThanOrEqual(4);
    } finally {
      delete admin.revokedBefore;
    }
  });

  it('goes on past customers whose own Conditional Access refuses the partner (50076, 53003, 70043), and says so in their cells', async () => {
    const [mfa, blocked, frequency, ...others] = setup.sim.state.customers.filter((c) => c.relationship === 'DAP' && setup.sim.state.isConsented(c.id, setup.sim.samAppId));
    setup.sim.state.controls.customerPolicies.set(mfa!.id, { kind: 'requireMfa' });
    setup.sim.state.controls.customerPolicies.set(blocked!.id, { kind: 'block' });
    setup.sim.state.controls.customerPolicies.set(frequency!.id, { kind: 'signInFrequency', seconds: 0 });

    const mark = setup.sim.requestLog.mark();
    const report = await setup.services.accessCheck.run({ profileId, resources: ['graph'], concurrency: 4 });

    expect(report.cancelled).toBe(false);
    expect(outcome(report, mfa!.id)?.graph).toEqual({
      status: 'failed',
      label: 'Customer requires MFA',
      reason: expect.stringMatching(/^This customer’s Conditional Access requires multi-factor authentication/),
      action: expect.stringContaining('cross-tenant access settings'),
      code: 'AADSTS50076',
    });
    expect(outcome(report, blocked!.id)?.graph).toMatchObject({ label: 'Blocked by customer', code: 'AADSTS53003', reason: expect.stringContaining('This customer’s Conditional Access blocks') });
    expect(outcome(report, frequency!.id)?.graph).toMatchObject({ label: 'Customer sign-in limit', code: 'AADSTS70043' });
    for (const other of others) expect(outcome(report, other.id)?.graph).toEqual({ status: 'ok' });
    // One extra redemption: the partner tenant, asked once whether the partner's own token still works.
    // (Answered requests in this run's own log: a connection dropped under load is retried, and counted twice.)
    const answered = setup.sim.requestLog.since(mark).filter((line) => /\/oauth2\/v2\.0\/token \d{3} /.test(line));
    expect(answered.filter((line) => line.includes(`/${setup.sim.partnerTenantId}/`))).toHaveLength(1);
    expect(new Set(answered.map((line) => line.split(' ')[2])).size).toBe(48 + 1);
  });

  it('still stops once when the partner tenant refuses the same way (its own sign-in frequency policy)', async () => {
    setup.sim.state.controls.signInFrequencySeconds = 0;
    const mark = setup.sim.requestLog.mark();
    await expect(setup.services.accessCheck.run({ profileId, resources: ['graph'], concurrency: 4 })).rejects.toMatchObject({ code: '70043' });
    // The four workers' first requests and the one to the partner tenant, nothing more.
    expect(setup.sim.requestLog.since(mark).filter((line) => /\/oauth2\/v2\.0\/token \d{3} /.test(line)).length).toBeLessThanOrEqual(4 + 1);
  });
});
