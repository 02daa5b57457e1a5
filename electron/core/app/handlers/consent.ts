import type { HandlerGroup } from './types';

export const consentHandlers: HandlerGroup<
  'consent.start' | 'consent.cancel' | 'consent.verify' | 'deviceCode.start' | 'deviceCode.wait' | 'deviceCode.cancel'
> = ({ consent, samApp, deviceCodes, lifetimes, verifier, keyVault }) => ({
  'consent.start': async (request) => {
    const profile = await consent.start(request);
    // A new consent is a new refresh token: a published profile's vault copy follows.
    keyVault.sync.rotated(profile.id);
    return lifetimes.summarize(profile);
  },
  // One Cancel button for whichever sign-in the wizard is waiting on.
  'consent.cancel': async () => {
    consent.cancel();
    samApp.cancel();
    deviceCodes.cancel();
  },
  'consent.verify': ({ profileId }) => verifier.verify(profileId),
  'deviceCode.start': async (purpose) => {
    const prompt = await deviceCodes.start(purpose);
    return { ...prompt, expiresAt: prompt.expiresAt.toISOString() };
  },
  'deviceCode.wait': async () => {
    const outcome = await deviceCodes.wait();
    keyVault.sync.rotated(outcome.profile.id);
    return { user: outcome.user, mfa: outcome.mfa, profile: await lifetimes.summarize(outcome.profile) };
  },
  'deviceCode.cancel': async () => deviceCodes.cancel(),
});
