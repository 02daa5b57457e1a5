import { useCallback } from 'react';
import type { ProfileSummary } from '../../../../electron/ipc/profiles';
import { formatTimeLeft } from '../../../../electron/ipc/timeLeft';
import { formatDateTime } from '../../../../electron/ipc/dateTime';
import { useSamDeskStore } from '../../store';
import type { RenewalOutcome } from '../../store/profilesSlice';
import { PROFILES_PANEL_TOASTER_ID } from '../../toaster';
import { useAppToast } from '../AppToaster';

/** "Renew now" and "Renew all" with their answer said: the new expiry, or why not. */
export function useRenewal(): { renewOne: (profileId: string) => Promise<void>; renewAll: () => Promise<void> } {
  // Renewals are started in the refresh-token drawer; its own toaster answers there.
  const toast = useAppToast(PROFILES_PANEL_TOASTER_ID);

  const renewOne = useCallback(
    async (profileId: string) => {
      const name = nameOf(profileId);
      const outcome = await useSamDeskStore.getState().renewProfile(profileId);
      if (outcome.renewed && outcome.profile) {
        toast({ intent: 'success', replaces: `renewal-${profileId}`, title: `Renewed “${name}”`, body: lapsesLine(outcome.profile) });
      } else {
        toast({ intent: 'error', replaces: `renewal-${profileId}`, timeoutMs: 12_000, title: `“${name}” was not renewed`, body: reason(outcome) });
      }
    },
    [toast],
  );

  const renewAll = useCallback(async () => {
    const outcomes = await useSamDeskStore.getState().renewAllProfiles();
    const failed = outcomes.filter((outcome) => !outcome.renewed);
    const renewed = outcomes.length - failed.length;
    const title = failed.length === 0 ? `Renewed ${countOf(renewed)}` : `Renewed ${renewed} of ${countOf(outcomes.length)}`;
    const body = failed.length === 0
      ? 'Each refresh token has its full 90 days again.'
      : failed.map((outcome) => `${nameOf(outcome.profileId)}: ${reason(outcome)}`).join(' ');
    toast({ intent: failed.length === 0 ? 'success' : renewed > 0 ? 'warning' : 'error', replaces: 'renewal-all', timeoutMs: failed.length ? 12_000 : 8000, title, body });
  }, [toast]);

  return { renewOne, renewAll };
}

const nameOf = (profileId: string) => useSamDeskStore.getState().profiles.find((profile) => profile.id === profileId)?.name ?? 'the profile';
const countOf = (count: number) => (count === 1 ? '1 profile' : `${count} profiles`);

/** "Lapses 2027-03-01 14:05 (89 d 23 h left) unless it is used again." */
export function lapsesLine(profile: ProfileSummary, now = Date.now()): string {
  return `Lapses ${formatDateTime(profile.expiresAt, { zone: true })} (${formatTimeLeft(Date.parse(profile.expiresAt) - now)} left) unless it is used again.`;
}

function reason(outcome: RenewalOutcome): string {
  return [outcome.error?.message ?? 'The renewal did not finish.', outcome.error?.action].filter(Boolean).join(' ');
}
