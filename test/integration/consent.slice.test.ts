import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import type { Browser } from 'playwright';
import { dispatch } from '../../electron/core/app/dispatch';
import { vaultAccounts } from '../../electron/core/vault/secretVault';
import { chromiumOpener, launchChromium } from '../support/browser';
import { desktopClipboard } from '../harness/desktopClipboard';
import { useSimulatedApp } from '../support/simulatedApp';

describe('the consent slice against the simulated cloud', () => {
  let browser: Browser;
  const setup = useSimulatedApp({
    cloud: { customers: 40 },
    services: async (sim) => {
      browser = await launchChromium(sim);
      return { opener: chromiumOpener(browser, sim), clipboard: desktopClipboard() };
    },
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('refuses to consent without the SAM app’s client secret, before any sign-in window, in plain words', async () => {
    const opened = setup.sim.state.stats.get('authorize v2') ?? 0;
    const result = await dispatch(setup.handlers, 'consent.start', { partnerTenant: setup.sim.partnerDomain, clientId: setup.sim.samAppId });

    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'invalid-input', fix: 're-enter-secret', message: 'SAM Desk needs the SAM app’s client secret to sign in: the app is a confidential (Web) app.' },
    });
    expect(setup.sim.state.stats.get('authorize v2') ?? 0).toBe(opened);
  });

  it('signs in as a confidential client (MSAL, authorization code + PKCE + the secret) and keeps the refresh token only in the keychain', async () => {
    const profile = await setup.handlers['consent.start']({ partnerTenant: setup.sim.partnerDomain, clientId: setup.sim.samAppId, clientSecret: setup.sim.samAppSecret });

    expect(profile.partnerTenantId).toBe(setup.sim.partnerTenantId);
    expect(profile.user).toBe(setup.sim.user);
    expect(profile.mfa).toBe(true);
    const stored = await setup.isolated.keychain.get(vaultAccounts.refreshToken(profile.id));
    expect(stored).toMatch(/^0\.A/);
    // The simulator remembers the token as a confidential client's (Web redirect, secret presented).
    expect(setup.sim.state.refreshTokens.get(createHash('sha256').update(stored!).digest('hex'))?.clientType).toBe('confidential');
    expect((await setup.services.profiles.get(profile.id))?.hasClientSecret).toBe(true);
    const metadata = JSON.stringify(await setup.services.profiles.list());
    expect(metadata).not.toContain(stored);
  });

  it('lists customers from Partner Center and GDAP, merged by tenant id', async () => {
    const [profile] = await setup.services.profiles.list();
    const { customers } = await setup.handlers['tenants.list']({ profileId: profile!.id, refresh: true });

    expect(customers).toHaveLength(40);
    expect(new Set(customers.map((c) => c.tenantId)).size).toBe(40);
    expect(customers.some((c) => c.relationships.length > 0)).toBe(true);
    // The list never claims DAP: Partner Center's list does not say; it is checked per customer.
    expect(customers.filter((c) => c.inPartnerCenter).every((c) => c.dap === 'unknown')).toBe(true);
  });

  it('mints a Connect-AzAccount snippet for a customer and stores the rotated refresh token', async () => {
    const [profile] = await setup.services.profiles.list();
    const before = await setup.services.vault.get(vaultAccounts.refreshToken(profile!.id));
    const { customers } = await setup.handlers['tenants.list']({ profileId: profile!.id, refresh: false });
    const customer = setup.sim.state.customers.find((c) => c.relationship === 'DAP' && setup.sim.state.isConsented(c.id, setup.sim.samAppId))!;

    const snippet = await setup.handlers['snippets.copy']({ profileId: profile!.id, customerTenantId: customer.id, module: 'az' });
    // Main put it on the clipboard; the answer carries the preview alone.
    const text = await desktopClipboard().readText();
    expect(JSON.stringify(snippet)).not.toMatch(/eyJ/);

    const [, armToken, graphToken] = /-AccessToken '([^']+)'[\s\S]*-MicrosoftGraphAccessToken '([^']+)'/.exec(text) ?? [];
    expect(decodeJwt(armToken!)).toMatchObject({ aud: 'https://management.azure.com', tid: customer.id });
    expect(decodeJwt(graphToken!)).toMatchObject({ aud: 'https://graph.microsoft.com', tid: customer.id });
    expect(text).toContain(`-AccountId '${setup.sim.user}' -Tenant '${customer.id}'`);
    expect(snippet.preview).not.toContain(armToken);
    expect(snippet.preview).toContain('<Azure Resource Manager access token>');
    expect(customers.map((c) => c.tenantId)).toContain(customer.id);
    const after = await setup.services.vault.get(vaultAccounts.refreshToken(profile!.id));
    expect(after).toMatch(/^0\.A/);
    expect(after).not.toBe(before);
  });

  it('explains a customer without consent in plain words (AADSTS65001)', async () => {
    const [profile] = await setup.services.profiles.list();
    const customer = setup.sim.state.customers.find((c) => c.relationship === 'DAP')!;
    setup.sim.state.setConsent(customer.id, setup.sim.samAppId, false);

    const result = await dispatch(setup.handlers, 'snippets.copy', { profileId: profile!.id, customerTenantId: customer.id, module: 'az' });

    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'microsoft', code: 'AADSTS65001', message: 'The SAM app has not been consented in this tenant.' },
    });
  });

  it('re-consents a confidential app with the secret kept in the keychain', async () => {
    const first = await setup.handlers['consent.start']({ partnerTenant: setup.sim.partnerDomain, clientId: setup.sim.samAppId, clientSecret: setup.sim.samAppSecret, profileName: 'Confidential' });
    const again = await setup.handlers['consent.start']({ partnerTenant: setup.sim.partnerDomain, clientId: setup.sim.samAppId });

    expect(again.id).toBe(first.id);
    const record = await setup.services.profiles.get(first.id);
    expect(record?.hasClientSecret).toBe(true);
    expect(await setup.services.vault.get(vaultAccounts.clientSecret(first.id))).toBe(setup.sim.samAppSecret);
  });

  it('rejects malformed input before any handler runs', async () => {
    const result = await dispatch(setup.handlers, 'consent.start', { partnerTenant: 'not a tenant', clientId: 'x' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(JSON.stringify(result)).toMatch(/tenant id \(a GUID\) or a domain/);
  });
});
