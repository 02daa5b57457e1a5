import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright';
import { dispatch } from '../../electron/core/app/dispatch';
import { vaultAccounts } from '../../electron/core/vault/secretVault';
import type { ProfileSummary } from '../../electron/ipc/profiles';
import { chromiumOpener, launchChromium } from '../support/browser';
import { runCli } from '../support/cli';
import { useSimulatedApp } from '../support/simulatedApp';

const DAY_MS = 24 * 3600_000;

describe('refresh token lifetime and renewal against the simulated cloud', () => {
  let browser: Browser;
  const setup = useSimulatedApp({
    cloud: { customers: 5 },
    services: async (sim) => {
      browser = await launchChromium(sim);
      return { opener: chromiumOpener(browser, sim), now };
    },
  });
  // The app reads the same clock as the simulator: real time plus the offset the tests advance.
  let offsetMs = 0;
  const now = () => new Date(Date.now() + offsetMs);

  async function advanceDays(days: number): Promise<void> {
    const response = await setup.services.http.send({
      method: 'POST',
      url: `${setup.sim.url}/_sim/clock`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceSeconds: days * 86_400 }),
    });
    expect(response.status).toBe(200);
    offsetMs += days * DAY_MS;
  }

  /** The CLI in a child process (asynchronously: the simulator answers from this process). */
  const samdesk = (...args: string[]) => runCli(args, setup.isolated.variables);

  const storedToken = (profileId: string) => setup.services.vault.get(vaultAccounts.refreshToken(profileId));
  const daysLeft = (profile: ProfileSummary) => (Date.parse(profile.expiresAt) - now().getTime()) / DAY_MS;
  const consent = () => setup.handlers['consent.start']({ partnerTenant: setup.sim.partnerDomain, clientId: setup.sim.samAppId, clientSecret: setup.sim.samAppSecret, profileName: 'Northwind' });

  afterAll(async () => {
    await browser?.close();
  });

  it('renews automatically at day 7, which resets the countdown to 90 days and rotates the token', async () => {
    const profile = await consent();
    expect(profile).toMatchObject({ level: 'healthy' });
    const consented = await storedToken(profile.id);
    const scheduler = setup.services.renewalScheduler;

    await advanceDays(6);
    expect(await scheduler.check()).toEqual([]);
    await advanceDays(1);
    const [renewal] = await scheduler.check();

    expect(renewal).toMatchObject({ renewed: true, profile: { level: 'healthy' } });
    expect(Math.abs(Date.parse(renewal!.profile.lastRedeemedAt) - now().getTime())).toBeLessThan(5_000);
    expect(daysLeft(renewal!.profile)).toBeCloseTo(90, 2);
    expect(await storedToken(profile.id)).not.toBe(consented);
  });

  it('shows a warning with about 10 days left 80 days after the last redemption', async () => {
    await advanceDays(80);
    const [profile] = await setup.handlers['profiles.list'](undefined);
    expect(profile!.level).toBe('warning');
    expect(daysLeft(profile!)).toBeCloseTo(10, 2);
  });

  it('after 91 days explains AADSTS700082, shows expired, offers re-consent and keeps the last token', async () => {
    const [before] = await setup.handlers['profiles.list'](undefined);
    const lastGood = await storedToken(before!.id);
    await advanceDays(11);

    const result = await setup.handlers['profiles.renew']({ profileId: before!.id });

    expect(result.renewed).toBe(false);
    expect(result.error).toMatchObject({
      kind: 'microsoft',
      code: 'AADSTS700082',
      message: 'The refresh token expired after 90 days without use.',
      action: expect.stringContaining('re-consent'),
    });
    expect(result.profile).toMatchObject({ level: 'expired', lastError: { code: 'AADSTS700082', reconsent: true } });
    expect(await storedToken(before!.id)).toBe(lastGood);
    // The failure is recorded on the profile, so the list and a restart show it too.
    const [listed] = await setup.handlers['profiles.list'](undefined);
    expect(listed).toMatchObject({ level: 'expired', lastError: { code: 'AADSTS700082' } });
    // Automatic renewal does not retry a token Microsoft has declared dead.
    expect(await setup.services.renewal.renewDue()).toEqual([]);
  });

  it('re-consent brings the same profile back to healthy', async () => {
    const [expired] = await setup.handlers['profiles.list'](undefined);
    const profile = await consent();
    expect(profile).toMatchObject({ id: expired!.id, level: 'healthy' });
    expect(profile.lastError).toBeUndefined();
  });

  it('joins concurrent renewals of one profile into a single token request', async () => {
    const [profile] = await setup.handlers['profiles.list'](undefined);
    setup.sim.state.stats.clear();

    const results = await Promise.all([1, 2, 3].map(() => setup.handlers['profiles.renew']({ profileId: profile!.id })));

    expect(results.every((result) => result.renewed)).toBe(true);
    expect(setup.sim.state.stats.get('token v2')).toBe(1);
  });

  it('shows revoked after the admin’s password was reset (AADSTS50173)', async () => {
    const response = await setup.services.http.send({
      method: 'POST',
      url: `${setup.sim.url}/_sim/revoke`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: setup.sim.user }),
    });
    expect(response.status).toBe(200);

    const [result] = await setup.handlers['profiles.renewAll'](undefined);

    expect(result).toMatchObject({ renewed: false, error: { code: 'AADSTS50173' } });
    expect(result!.profile).toMatchObject({ level: 'revoked', lastError: { reconsent: true, message: expect.stringContaining('password') } });

    // The CLI runs on the wall clock, behind the simulator's advanced one, so it lists before it renews.
    const listed = await samdesk('profiles', '--json');
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ name: 'Northwind', level: 'revoked', lastRedeemedAt: expect.any(String) })]);

    // A scheduled `samdesk renew` fails the same way: exit code 4 and one plain line on stderr.
    const cli = await samdesk('renew');
    expect(cli.status).toBe(4);
    expect(cli.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^samdesk: renewing “Northwind” failed: .*password.*\(AADSTS50173\)$/)]);
  });

  it('stores valid settings and refuses invalid ones without changing anything', async () => {
    expect(await setup.handlers['settings.get'](undefined)).toMatchObject({ warningDays: 14, criticalDays: 3, renewAfterDays: 7, autoRenew: true, clipboardClearSeconds: 30 });

    const saved = await dispatch(setup.handlers, 'settings.set', { warningDays: 30 });
    expect(saved).toMatchObject({ ok: true, value: { warningDays: 30, criticalDays: 3 } });

    const wrongType = await dispatch(setup.handlers, 'settings.set', { renewAfterDays: 120 });
    expect(wrongType).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringContaining('80 days') } });
    const contradictory = await dispatch(setup.handlers, 'settings.set', { criticalDays: 40 });
    expect(contradictory).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringContaining('closer to expiry') } });
    const unknown = await dispatch(setup.handlers, 'settings.set', { theme: 'dark' });
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });

    expect(await setup.handlers['settings.get'](undefined)).toMatchObject({ warningDays: 30, criticalDays: 3, renewAfterDays: 7 });
  });
});
