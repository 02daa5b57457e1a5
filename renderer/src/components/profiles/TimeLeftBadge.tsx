import { Badge } from '@fluentui/react-components';
import { ClockRegular } from '@fluentui/react-icons';
import type { ProfileSummary } from '../../../../electron/ipc/profiles';
import { levelAt } from '../../../../electron/ipc/timeLeft';
import { formatDateTime } from '../../../../electron/ipc/dateTime';
import { useNow } from '../../hooks/useNow';
import { useSamDeskStore } from '../../store';
import { levelColor, stateLabel, timeLeftText } from './lifetimeLook';

const HOUR = 3600_000;

/** A refresh token's countdown that ticks live, coloured by level, with the exact date on hover. */
export function TimeLeftBadge({ profile, size = 'medium' }: { profile: ProfileSummary; size?: 'medium' | 'large' }) {
  const thresholds = useSamDeskStore((state) => state.settings ?? undefined);
  const expiresMs = Date.parse(profile.expiresAt);
  // Minutes matter in the last hour; otherwise once every half minute is plenty.
  useNow(expiresMs - Date.now() < HOUR ? 1_000 : 30_000);
  // Read the clock at render too: a renewal re-renders with a new expiry between ticks.
  const now = Date.now();
  const level = levelAt(profile, now, thresholds);
  const text = timeLeftText(level, expiresMs - now, profile.hasRefreshToken);
  const hover = !profile.hasRefreshToken
    ? 'The keychain holds no refresh token for this profile. Sign in again (re-consent) to store one.'
    : level === 'revoked'
      ? 'Microsoft revoked this refresh token. Sign in again (re-consent).'
      : `${level === 'expired' ? 'Lapsed' : 'Lapses'} ${formatDateTime(profile.expiresAt, { zone: true })} unless it is used or renewed before then.`;
  return (
    <Badge appearance="tint" size={size} style={{ whiteSpace: 'nowrap', flexShrink: 0 }} color={levelColor[level]} icon={<ClockRegular />} title={hover} aria-label={`${stateLabel(profile, level)}: ${text}. ${hover}`}>
      {text}
    </Badge>
  );
}
