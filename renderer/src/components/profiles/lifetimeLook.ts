import type { BadgeProps } from '@fluentui/react-components';
import type { LifetimeLevel, ProfileSummary } from '../../../../electron/ipc/profiles';
import { formatTimeLeft } from '../../format';

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

/** "12 d 4 h left", "expired", "revoked". */
export function timeLeftText(level: LifetimeLevel, msLeft: number): string {
  if (level === 'revoked') return 'revoked';
  if (level === 'expired') return 'expired';
  return `${formatTimeLeft(msLeft)} left`;
}

/** Only a new sign-in brings it back: show "Re-consent" instead of (or beside) "Renew now". */
export function needsReconsent(profile: ProfileSummary, level: LifetimeLevel): boolean {
  return level === 'expired' || level === 'revoked' || profile.lastError?.reconsent === true;
}
