import { Button, CounterBadge, makeStyles, tokens } from '@fluentui/react-components';
import { KeyRegular, SettingsRegular } from '@fluentui/react-icons';
import type { ProfileSummary } from '../../../electron/ipc/profiles';
import { formatTimeLeft, levelAt, type LevelThresholds } from '../../../electron/ipc/timeLeft';
import { useNow } from '../hooks/useNow';
import { useSamDeskStore } from '../store';
import { OnceOpened, ProfilesPanel, SettingsDialog } from '../lazyPanels';
import { TimeLeftBadge } from './profiles/TimeLeftBadge';
import { useLifetimeEvents } from './profiles/useLifetimeEvents';
import { stateLabel, timeLeftText } from './profiles/lifetimeLook';
import { AppTooltip } from './AppTooltip';

const useStyles = makeStyles({
  controls: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, flexShrink: 0 },
  label: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, whiteSpace: 'nowrap', fontSize: tokens.fontSizeBase400 },
});

/**
 * The header's entry to the token lifecycle: the active profile's live countdown (click for every
 * profile, renew and re-consent), a count of the other profiles that need attention, and Settings.
 * The button's name and tooltip say what the count counts.
 */
export function RefreshTokenBadge({ profile }: { profile: ProfileSummary }) {
  const styles = useStyles();
  const now = useNow(30_000);
  // Here, not in the panel (loaded when first opened): a clicked notification must open it.
  useLifetimeEvents();
  const thresholds = useSamDeskStore((state) => state.settings ?? undefined);
  const profilesPanelOpen = useSamDeskStore((state) => state.profilesPanelOpen);
  const settingsOpen = useSamDeskStore((state) => state.settingsOpen);
  const others = useSamDeskStore((state) => state.profiles).filter(
    (candidate) => candidate.id !== profile.id && (!candidate.hasRefreshToken || levelAt(candidate, now, thresholds) !== 'healthy'),
  );
  const level = levelAt(profile, now, thresholds);
  const countdown = timeLeftText(level, Date.parse(profile.expiresAt) - now, profile.hasRefreshToken);
  const attention = attentionText(others, now, thresholds);
  const name = `Refresh tokens and renewal. ${profile.name}: ${stateLabel(profile, level).toLowerCase()}, ${countdown}.${attention ? ` ${attention}` : ''}`;
  return (
    <span className={styles.controls}>
      <AppTooltip content={attention || 'Refresh tokens: every partner account’s countdown, Renew and Re-consent'} relationship="description" withArrow>
        <Button appearance="subtle" onClick={() => useSamDeskStore.getState().openProfilesPanel()} aria-label={name}>
          <span className={styles.label}>
            <KeyRegular aria-hidden />
            <TimeLeftBadge profile={profile} />
            {others.length > 0 && <CounterBadge count={others.length} size="small" color="danger" aria-hidden />}
          </span>
        </Button>
      </AppTooltip>
      <AppTooltip content="Settings" relationship="label">
        <Button appearance="subtle" icon={<SettingsRegular />} onClick={() => useSamDeskStore.getState().openSettings()} />
      </AppTooltip>
      <OnceOpened open={profilesPanelOpen}>
        <ProfilesPanel />
      </OnceOpened>
      <OnceOpened open={settingsOpen}>
        <SettingsDialog />
      </OnceOpened>
    </span>
  );
}

/** What the red counter counts, in words: "2 other partner accounts need attention: Contoso (expired), …". */
function attentionText(others: ProfileSummary[], now: number, thresholds: LevelThresholds | undefined): string {
  if (others.length === 0) return '';
  const named = others.slice(0, 3).map((other) => {
    const level = levelAt(other, now, thresholds);
    const counting = other.hasRefreshToken && level !== 'expired' && level !== 'revoked';
    return `${other.name} (${stateLabel(other, level).toLowerCase()}${counting ? `, ${formatTimeLeft(Date.parse(other.expiresAt) - now)} left` : ''})`;
  });
  const who = others.length === 1 ? '1 other partner account needs' : `${others.length} other partner accounts need`;
  return `${who} attention: ${named.join(', ')}${others.length > 3 ? ', …' : ''}.`;
}
