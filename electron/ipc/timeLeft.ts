/**
 * How SAM Desk words and grades time left, the same in the window, the tray and the CLI.
 * Shared by main and renderer, so it lives beside the contract; pure.
 */
import type { LifetimeLevel, ProfileSummary } from './profiles';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Time left as a partner admin reads it: "89 d 23 h", "5 h 12 min", "43 min", "< 1 min",
 * "expired". Rounds down, so the app never promises more time than a token has.
 */
export function formatTimeLeft(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return 'expired';
  if (ms >= DAY) {
    const days = Math.floor(ms / DAY);
    const hours = Math.floor((ms % DAY) / HOUR);
    return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  }
  if (ms >= HOUR) {
    const hours = Math.floor(ms / HOUR);
    const minutes = Math.floor((ms % HOUR) / MINUTE);
    return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  }
  if (ms >= MINUTE) return `${Math.floor(ms / MINUTE)} min`;
  return '< 1 min';
}

/** Time since, in the same units as time left: "just now", "3 min ago", "2 h ago", "4 d ago". */
export function formatAgo(iso: string, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} d ago`;
}

/** The user's thresholds (settings), in days before expiry. */
export interface LevelThresholds {
  warningDays: number;
  criticalDays: number;
}

export const defaultLevelThresholds: LevelThresholds = { warningDays: 14, criticalDays: 3 };

/** Healthy, warning, critical or expired by time alone. */
export function levelForTimeLeft(msLeft: number, thresholds: LevelThresholds = defaultLevelThresholds): 'healthy' | 'warning' | 'critical' | 'expired' {
  if (msLeft <= 0) return 'expired';
  if (msLeft <= thresholds.criticalDays * DAY) return 'critical';
  if (msLeft <= thresholds.warningDays * DAY) return 'warning';
  return 'healthy';
}

/**
 * A profile's level at `now`: a level Microsoft decided (revoked, or expired by its answer) holds
 * until re-consent; otherwise the time left decides, so countdowns change colour as they tick.
 */
export function levelAt(profile: Pick<ProfileSummary, 'level' | 'expiresAt' | 'lastError'>, now: number, thresholds: LevelThresholds = defaultLevelThresholds): LifetimeLevel {
  if (profile.lastError?.reconsent && (profile.level === 'revoked' || profile.level === 'expired')) return profile.level;
  return levelForTimeLeft(Date.parse(profile.expiresAt) - now, thresholds);
}
