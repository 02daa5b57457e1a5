import type { BadgeProps } from '@fluentui/react-components';
import type { LifetimeLevel, ProfileSummary } from '../../../../electron/ipc/profiles';
import { formatTimeLeft } from '../../../../electron/ipc/timeLeft';

/** Badge colour per level: calm while healthy, amber then red as the lapse nears. */
export const levelColor: Record<LifetimeLevel, BadgeProps['color']> = {
  healthy: 'success',
  warning: 'warning',
  critical: 'danger',
  expired: 'danger',
  revoked: 'danger',
};

export const levelLabel: Record<LifetimeLevel, string> = {
  healthy: 'Healthy',
  warning: 'Expires soon',
  critical: 'Expires very soon',
  expired: 'Expired',
  revoked: 'Revoked',
};

/** "12 d 4 h left", "expired", "revoked", or "no refresh token" when the keychain holds none. */
export function timeLeftText(level: LifetimeLevel, msLeft: number, hasRefreshToken = true): string {
  if (!hasRefreshToken) return 'no refresh token';
  if (level === 'revoked') return 'revoked';
  if (level === 'expired') return 'expired';
  return `${formatTimeLeft(msLeft)} left`;
}

/** Only a new sign-in brings it back: show "Re-consent" instead of (or beside) "Renew now". */
export function needsReconsent(profile: ProfileSummary, level: LifetimeLevel): boolean {
  return !profile.hasRefreshToken || level === 'expired' || level === 'revoked' || profile.lastError?.reconsent === true;
}

/** The level's label, or what is really wrong when no token is stored. */
export function stateLabel(profile: ProfileSummary, level: LifetimeLevel): string {
  return profile.hasRefreshToken ? levelLabel[level] : 'No refresh token';
}
