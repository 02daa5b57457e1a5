import { Badge } from '@fluentui/react-components';
import { KeyRegular } from '@fluentui/react-icons';
import { expiryLevel, formatDateTime, formatTimeLeft } from '../format';
import { useNow } from '../hooks/useNow';

const COLORS = { ok: 'success', warning: 'warning', critical: 'danger', expired: 'danger' } as const;

/** "Refresh token: 89 d 23 h left", coloured by how soon it lapses. */
export function RefreshTokenBadge({ expiresAt }: { expiresAt: string }) {
  const now = useNow(60_000);
  const msLeft = new Date(expiresAt).getTime() - now;
  const level = expiryLevel(msLeft);
  const label = level === 'expired' ? 'Refresh token expired' : `Refresh token: ${formatTimeLeft(msLeft)} left`;
  return (
    <Badge
      appearance="tint"
      color={COLORS[level]}
      icon={<KeyRegular />}
      title={`Lapses ${formatDateTime(expiresAt)} unless it is used or renewed before then.`}
    >
      {label}
    </Badge>
  );
}
