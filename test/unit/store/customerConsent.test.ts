import { describe, expect, it, vi } from 'vitest';
import type { CustomerConsent } from '../../../electron/ipc/wizard';
import { deferred, installSamDesk, profile, refusal, store, useFreshStore } from './fakeSamDesk';

const row = (tenantId: string, status: CustomerConsent['status'], change: Partial<CustomerConsent> = {}): CustomerConsent => ({ tenantId, name: tenantId, status, inPartnerCenter: true, ...change });

describe('customer consent slice', () => {
  useFreshStore();

  it('reading consents uses the wizard\'s new profile before the active one, and turns rows into readiness findings', async () => {
    store().addProfile(profile('active'));
    const list = vi.fn(() => Promise.resolve([row('t1', 'consented'), row('t2', 'partial', { missing: ['exchange'] }), row('t3', 'no-access')]));
    installSamDesk({ customerConsent: { list } });
    await store().loadCustomerConsents();
    expect(list).toHaveBeenLastCalledWith({ profileId: 'active' });
    expect(Object.keys(store().consentFindings)).toEqual(['t1', 't2']);
    expect(store().consentFindings.t2).toMatchObject({ status: 'partial', missing: ['exchange'] });
    store().openWizard();
    useWizardProfile('wizard');
    await store().loadCustomerConsents();
    expect(list).toHaveBeenLastCalledWith({ profileId: 'wizard' });
  });

  it('a refused read says why and leaves checking off', async () => {
    store().addProfile(profile('a'));
    installSamDesk({ customerConsent: { list: () => Promise.reject(refusal('Partner Center refused.')) } });
    await store().loadCustomerConsents();
    expect(store()).toMatchObject({ customerConsentChecking: false, customerConsentError: { message: 'Partner Center refused.' } });
  });

  it('a grant is one call for the selection with repair as asked; progress events move it; the answers replace their rows', async () => {
    store().addProfile(profile('a'));
    installSamDesk({ customerConsent: { list: () => Promise.resolve([row('t1', 'not-consented'), row('t2', 'not-consented'), row('t3', 'consented')]) } });
    await store().loadCustomerConsents();
    const answer = deferred<CustomerConsent[]>();
    const grant = vi.fn(() => answer.promise);
    installSamDesk({ customerConsent: { grant } });
    const pending = store().grantCustomerConsent(['t1', 't2'], { repair: true });
    expect(grant).toHaveBeenCalledWith({ profileId: 'a', customerTenantIds: ['t1', 't2'], repair: true });
    store().setCustomerConsentProgress({ phase: 'grant', done: 1, total: 2, consented: 1, failed: 0 });
    expect(store().customerConsentGrant).toMatchObject({ done: 1, total: 2, consented: 1, running: true, repair: true });
    expect(await store().grantCustomerConsent(['t3'])).toEqual([]);
    expect(grant).toHaveBeenCalledTimes(1);
    answer.resolve([row('t1', 'consented'), row('t2', 'error')]);
    await pending;
    expect(store().customerConsents?.map((r) => [r.tenantId, r.status])).toEqual([
      ['t1', 'consented'],
      ['t2', 'error'],
      ['t3', 'consented'],
    ]);
    expect(store().customerConsentGrant).toEqual({ done: 2, total: 2, consented: 1, failed: 1, repair: true, running: false });
  });

  it('a grant declined in main\'s confirmation shows nothing as granted', async () => {
    store().addProfile(profile('a'));
    installSamDesk({ customerConsent: { grant: () => Promise.reject(refusal('You chose not to grant.', 'cancelled')) } });
    expect(await store().grantCustomerConsent(['t1'])).toEqual([]);
    expect(store()).toMatchObject({ customerConsentGrant: null, customerConsentError: { kind: 'cancelled' } });
  });

  it('check progress counts only while a check runs', async () => {
    store().addProfile(profile('a'));
    store().setCustomerConsentProgress({ phase: 'check', done: 1, total: 3 });
    expect(store().customerConsentCheckProgress).toBeNull();
    const pending = deferred<CustomerConsent[]>();
    installSamDesk({ customerConsent: { list: () => pending.promise } });
    const loading = store().loadCustomerConsents();
    store().setCustomerConsentProgress({ phase: 'check', done: 1, total: 3 });
    expect(store().customerConsentCheckProgress).toEqual({ checked: 1, total: 3 });
    pending.resolve([]);
    await loading;
  });

  it('opened from the main window it opens the wizard on this screen and Back closes it; opened from the wizard Back returns to the steps', () => {
    store().addProfile(profile('a'));
    store().openCustomerConsent('main');
    expect(store()).toMatchObject({ wizardOpen: true, wizardView: 'customer-consent', wizardProfileId: 'a' });
    store().closeCustomerConsent();
    expect(store().wizardOpen).toBe(false);
    store().openWizard();
    store().openCustomerConsent('wizard');
    store().closeCustomerConsent();
    expect(store()).toMatchObject({ wizardOpen: true, wizardView: 'steps' });
  });
});

function useWizardProfile(profileId: string): void {
  // What signInAndConsent leaves once the wizard made a profile.
  store().addProfile(profile(profileId));
  store().openWizard('steps', profileId);
}
