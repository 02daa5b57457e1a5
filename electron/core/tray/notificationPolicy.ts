/**
 * When to show an OS notification about a refresh token: once when it crosses each threshold
 * (warning, critical, expired or revoked), once per token issuance, never at every tick. Pure; the
 * state it returns is persisted (notificationState.ts) so a restart does not notify again.
 */
import type { ProfileSummary } from '../../ipc/profiles';
import type { LevelThresholds } from '../../ipc/timeLeft';
import { levelAt } from '../../ipc/timeLeft';
import { describeTimeLeft } from './trayModel';

export type NoticeThreshold = 'warning' | 'critical' | 'expired' | 'revoked';

export interface NotificationState {
  /** Per profile: the token issuance (last redemption) the record is about, and what was already shown. */
  profiles: Record<string, { issuance: string; shown: NoticeThreshold[] }>;
}

export interface Notice {
  profileId: string;
  threshold: NoticeThreshold;
  title: string;
  body: string;
}

export const emptyNotificationState = (): NotificationState => ({ profiles: {} });

const order: NoticeThreshold[] = ['warning', 'critical', 'expired'];

export function noticesDue(
  profiles: readonly ProfileSummary[],
  now: Date,
  thresholds: LevelThresholds,
  previous: NotificationState,
): { notices: Notice[]; state: NotificationState } {
  const state: NotificationState = { profiles: {} };
  const notices: Notice[] = [];
  for (const profile of profiles) {
    const issuance = profile.lastRedeemedAt;
    const known = previous.profiles[profile.id];
    // A new redemption means a new token: its thresholds may be announced again.
    const shown = new Set(known?.issuance === issuance ? known.shown : []);
    const level = levelAt(profile, now.getTime(), thresholds);
    const reached: NoticeThreshold[] = level === 'revoked' ? ['revoked'] : order.slice(0, Math.max(0, order.indexOf(level as NoticeThreshold) + 1));
    const newest = reached.at(-1);
    if (newest && !shown.has(newest)) {
      notices.push({ profileId: profile.id, threshold: newest, ...wording(profile, newest, Date.parse(profile.expiresAt) - now.getTime()) });
    }
    // Thresholds passed together (the app was closed for a week) are shown as one: the worst.
    for (const threshold of reached) shown.add(threshold);
    state.profiles[profile.id] = { issuance, shown: [...shown] };
  }
  return { notices, state };
}

function wording(profile: ProfileSummary, threshold: NoticeThreshold, msLeft: number): { title: string; body: string } {
  if (threshold === 'revoked') {
    return {
      title: `${profile.name}: refresh token revoked`,
      body: 'Usually a password change or reset. Click to sign in again (re-consent).',
    };
  }
  if (threshold === 'expired') {
    return {
      title: `${profile.name}: refresh token expired`,
      body: 'Scripts using it now fail. Click to sign in again (re-consent).',
    };
  }
  return {
    title: `${profile.name}: refresh token ${describeTimeLeft(threshold, msLeft)}`,
    body: 'Click to renew it now, so scripts keep working.',
  };
}
