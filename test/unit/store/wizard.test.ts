import { describe, expect, it, vi } from 'vitest';
import type { ConsentVerification, DeviceCodePromptView, DeviceCodeResult } from '../../../electron/ipc/wizard';
import type { ProfileSummary } from '../../../electron/ipc/profiles';
import { useSamDeskStore } from '../../../renderer/src/store';
import { deferred, installSamDesk, profile, refusal, store, useFreshStore } from './fakeSamDesk';

const prompt: DeviceCodePromptView = { userCode: 'ABCD-EFGH', verificationUri: 'https://microsoft.com/devicelogin', expiresAt: '2026-01-01T00:15:00.000Z', intervalSeconds: 5 };

describe('wizard slice', () => {
  useFreshStore();

  it('opening for a new partner pre-fills the suggestions on step 1; opening for a profile starts at sign-in with its tenant, app and name', () => {
    useSamDeskStore.setState({ suggestions: { partnerTenant: 'partner.example' } });
    store().openWizard();
    expect(store()).toMatchObject({ wizardOpen: true, wizardStep: 1, wizardDraft: { partnerTenant: 'partner.example', clientId: '' } });
    store().addProfile(profile('a', { name: 'Contoso CSP' }));
    store().openWizard('steps', 'a');
    expect(store()).toMatchObject({ wizardStep: 3, wizardProfileId: 'a', wizardDraft: { partnerTenant: profile('a').partnerTenantId, profileName: 'Contoso CSP' } });
  });

  it('sign-in sends the draft (trimmed name, no empty secret) inside the click, then moves to the Exchange step with the new profile', async () => {
    const answer = deferred<ProfileSummary>();
    const start = vi.fn(() => answer.promise);
    installSamDesk({ consent: { start } });
    store().openWizard();
    store().updateDraft({ partnerTenant: 'partner.example', clientId: 'app', profileName: '  Contoso  ' });
    const pending = store().signInAndConsent();
    expect(start).toHaveBeenCalledWith({ partnerTenant: 'partner.example', clientId: 'app', browser: 'embedded', profileName: 'Contoso' });
    expect(store().wizardBusy).toBe('signing-in');
    answer.resolve(profile('new'));
    await pending;
    expect(store()).toMatchObject({ wizardStep: 4, wizardProfileId: 'new', activeProfileId: 'new', wizardBusy: null });
  });

  it('a refused sign-in stays on its step with the reason and no profile', async () => {
    installSamDesk({ consent: { start: () => Promise.reject(refusal('AADSTS50020: user not in tenant.')) } });
    store().openWizard();
    store().goToStep(3);
    await store().signInAndConsent('secret-typed');
    expect(store()).toMatchObject({ wizardStep: 3, wizardBusy: null, profiles: [], wizardError: { message: 'AADSTS50020: user not in tenant.' } });
  });

  it('the Exchange device code shows the code while waiting and keeps who signed in', async () => {
    store().addProfile(profile('a'));
    store().openWizard('steps', 'a');
    store().goToStep(4);
    const wait = deferred<DeviceCodeResult>();
    const start = vi.fn(() => Promise.resolve(prompt));
    installSamDesk({ deviceCode: { start, wait: () => wait.promise } });
    const pending = store().startExchangeDeviceCode();
    await vi.waitFor(() => expect(store().deviceCodePrompt).toEqual(prompt));
    expect(start).toHaveBeenCalledWith({ kind: 'exchange', profileId: 'a' });
    wait.resolve({ user: 'admin@partner.example', mfa: true, profile: profile('a') });
    await pending;
    expect(store()).toMatchObject({ deviceCodePrompt: null, deviceCodeUser: 'admin@partner.example', wizardBusy: null });
  });

  it('skipping Exchange cancels the code and moves on; the wait then ending as cancelled leaves no error on the next step', async () => {
    store().addProfile(profile('a'));
    store().openWizard('steps', 'a');
    store().goToStep(4);
    const wait = deferred<DeviceCodeResult>();
    const cancel = vi.fn(() => Promise.resolve());
    installSamDesk({ deviceCode: { start: () => Promise.resolve(prompt), wait: () => wait.promise, cancel } });
    const pending = store().startExchangeDeviceCode();
    await vi.waitFor(() => expect(store().deviceCodePrompt).not.toBeNull());
    store().skipExchange();
    expect(cancel).toHaveBeenCalledTimes(1);
    wait.reject(refusal('Cancelled.', 'cancelled'));
    await pending;
    expect(store()).toMatchObject({ wizardStep: 5, exchangeSkipped: true, wizardError: null, wizardBusy: null, deviceCodePrompt: null });
  });

  it('a refused secret sends the admin back to the app step, existing-app form, focus on the secret field', () => {
    store().openWizard();
    store().updateDraft({ appMode: 'create' });
    store().goToStep(5);
    store().reenterSecret();
    expect(store()).toMatchObject({ wizardStep: 2, wizardFocus: 'client-secret', wizardDraft: { appMode: 'existing' } });
  });

  it('verify keeps what the stored token proved; cancel asks main and shows why it could not', async () => {
    store().addProfile(profile('a'));
    store().openWizard('steps', 'a');
    const verification: ConsentVerification = {
      user: 'admin@partner.example',
      tenantId: 't',
      scopes: ['user_impersonation'],
      mfa: true,
      accessTokenExpiresAt: 'x',
      refreshTokenExpiresAt: 'y',
      partnerCenter: { ok: true, customerCount: 2 },
      graph: { ok: true, organization: 'Partner' },
      exchangeModern: { ok: true },
      exchangeDeviceCodeStored: false,
    };
    const verify = vi.fn(() => Promise.resolve(verification));
    installSamDesk({ consent: { verify, cancel: () => Promise.reject(refusal('Nothing to cancel.', 'internal')) } });
    await store().verifyConsent();
    expect(verify).toHaveBeenCalledWith({ profileId: 'a' });
    expect(store().verification).toEqual(verification);
    await store().cancelWizardWork();
    expect(store().wizardError?.message).toBe('Nothing to cancel.');
  });
});
