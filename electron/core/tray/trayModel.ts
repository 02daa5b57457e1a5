/**
 * What the tray shows, as a pure function of the profiles and the time: the icon (the worst
 * level), a tooltip naming the nearest expiry, and the menu. electron/main/tray.ts only draws it.
 */
import type { LifetimeLevel, ProfileSummary } from '../../ipc/profiles';
import { formatTimeLeft, levelAt } from '../../ipc/timeLeft';
import { byUrgency } from '../lifetime/lifetime';
import type { LevelThresholds } from '../../ipc/timeLeft';

export type TrayIcon = 'healthy' | 'warning' | 'critical' | 'expired';

export type TrayMenuItem =
  | { kind: 'open'; label: string }
  | { kind: 'renew-all'; label: string; enabled: boolean }
  | { kind: 'profile'; label: string; profileId: string; level: LifetimeLevel }
  | { kind: 'separator' }
  | { kind: 'quit'; label: string };

export interface TrayModel {
  icon: TrayIcon;
  tooltip: string;
  menu: TrayMenuItem[];
}

/** Windows cuts tray tooltips at 127 characters. */
const TOOLTIP_MAX = 127;
const severity: Record<LifetimeLevel, number> = { healthy: 0, warning: 1, critical: 2, expired: 3, revoked: 3 };

/** "expires in 9 d 23 h", "expired", "revoked". */
export function describeTimeLeft(level: LifetimeLevel, msLeft: number): string {
  if (level === 'revoked') return 'revoked';
  if (level === 'expired') return 'expired';
  return `expires in ${formatTimeLeft(msLeft)}`;
}

export function trayModel(profiles: readonly ProfileSummary[], now: Date, thresholds: LevelThresholds): TrayModel {
  const current = profiles
    .map((profile) => ({ ...profile, level: levelAt(profile, now.getTime(), thresholds) }))
    .sort(byUrgency);
  const worst = current.reduce<LifetimeLevel>((level, profile) => (severity[profile.level] > severity[level] ? profile.level : level), 'healthy');
  const icon: TrayIcon = worst === 'revoked' ? 'expired' : worst;
  const nearest = current[0];
  const tooltip = nearest
    ? `SAM Desk — ${nearest.name}: refresh token ${describeTimeLeft(nearest.level, Date.parse(nearest.expiresAt) - now.getTime())}`
    : 'SAM Desk — no partner account connected';
  return {
    icon,
    tooltip: tooltip.length > TOOLTIP_MAX ? `${tooltip.slice(0, TOOLTIP_MAX - 1)}…` : tooltip,
    menu: [
      { kind: 'open', label: 'Open SAM Desk' },
      { kind: 'renew-all', label: 'Renew all', enabled: current.length > 0 },
      ...(current.length > 0 ? [{ kind: 'separator' } as const] : []),
      ...current.map((profile) => ({
        kind: 'profile' as const,
        profileId: profile.id,
        level: profile.level,
        label: `${profile.name} — ${describeTimeLeft(profile.level, Date.parse(profile.expiresAt) - now.getTime())}`,
      })),
      { kind: 'separator' },
      { kind: 'quit', label: 'Quit SAM Desk' },
    ],
  };
}
