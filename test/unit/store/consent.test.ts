import { describe, expect, it, vi } from 'vitest';
import type { ProfileSummary } from '../../../electron/ipc/profiles';
import { deferred, installSamDesk, profile, refusal, store, useFreshStore } from './fakeSamDesk';

const input = { partnerTenant: 'partner.example', clientId: '11111111-1111-4111-8111-111111111111' };

describe('consent slice', () => {
  useFreshStore();

  it('calls consent.start synchronously (inside the click), shows signing-in, then adds the new profile as active', async () => {
    const answer = deferred<ProfileSummary>();
    const start = vi.fn(() => answer.promise);
    installSamDesk({ consent: { start } });
    const pending = store().startConsent(input);
    expect(start).toHaveBeenCalledWith(input);
    expect(store().consentStatus).toBe('signing-in');
    answer.resolve(profile('new'));
    await pending;
    expect(store().consentStatus).toBe('idle');
    expect(store().activeProfileId).toBe('new');
  });

  it('a refused sign-in returns to idle with main\'s message and adds no profile', async () => {
    installSamDesk({ consent: { start: () => Promise.reject(refusal('AADSTS65001: consent needed.')) } });
    await store().startConsent(input);
    expect(store()).toMatchObject({ consentStatus: 'idle', profiles: [], consentError: { message: 'AADSTS65001: consent needed.' } });
  });

  it('a rejection that is not a UserFacingError shows the generic wording, never its own text', async () => {
    installSamDesk({ consent: { start: () => Promise.reject(new Error('stack trace with secrets')) } });
    await store().startConsent(input);
    expect(store().consentError?.message).toBe('Signing in did not finish.');
  });

  it('cancel asks main only while signing in, and goes back to signing-in with the reason when main cannot cancel', async () => {
    const cancel = vi.fn(() => Promise.reject(refusal('Nothing to cancel.', 'internal')));
    installSamDesk({ consent: { start: () => new Promise<ProfileSummary>(() => undefined), cancel } });
    await store().cancelConsent();
    expect(cancel).not.toHaveBeenCalled();
    void store().startConsent(input);
    await store().cancelConsent();
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(store()).toMatchObject({ consentStatus: 'signing-in', consentError: { message: 'Nothing to cancel.' } });
  });

  it('while cancelling, the status says so until the pending start rejects as cancelled', async () => {
    const started = deferred<ProfileSummary>();
    const cancelled = deferred<void>();
    installSamDesk({ consent: { start: () => started.promise, cancel: () => cancelled.promise } });
    const pending = store().startConsent(input);
    const cancelling = store().cancelConsent();
    expect(store().consentStatus).toBe('cancelling');
    cancelled.resolve();
    started.reject(refusal('Sign-in cancelled.', 'cancelled'));
    await Promise.all([pending, cancelling]);
    expect(store()).toMatchObject({ consentStatus: 'idle', consentError: { kind: 'cancelled' } });
    store().dismissConsentError();
    expect(store().consentError).toBeNull();
  });
});
