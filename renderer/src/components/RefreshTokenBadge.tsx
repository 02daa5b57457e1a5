import { Button, CounterBadge, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { KeyRegular, SettingsRegular } from '@fluentui/react-icons';
import type { ProfileSummary } from '../../../electron/ipc/profiles';
import { levelAt } from '../../../electron/ipc/timeLeft';
import { useNow } from '../hooks/useNow';
import { useSamDeskStore } from '../store';
import { OnceOpened, ProfilesPanel, SettingsDialog } from '../lazyPanels';
import { TimeLeftBadge } from './profiles/TimeLeftBadge';
import { useLifetimeEvents } from './profiles/useLifetimeEvents';

const useStyles = makeStyles({
  controls: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, flexShrink: 0 },
  label: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, whiteSpace: 'nowrap', fontSize: tokens.fontSizeBase400 },
});

/**
 * The header's entry to the token lifecycle: the active profile's live countdown (click for every
 * profile, renew and re-consent), a count of other profiles that need attention, and Settings.
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
    (candidate) => candidate.id !== profile.id && levelAt(candidate, now, thresholds) !== 'healthy',
  );
  return (
    <span className={styles.controls}>
      <Button appearance="subtle" onClick={() => useSamDeskStore.getState().openProfilesPanel()} aria-label="Refresh tokens and renewal">
        <span className={styles.label}>
          <KeyRegular aria-hidden />
          <TimeLeftBadge profile={profile} />
          {others.length > 0 && (
            <CounterBadge count={others.length} size="small" color="danger" aria-label={`${others.length} more need attention`} />
          )}
        </span>
      </Button>
      <Tooltip content="Settings" relationship="label">
        <Button appearance="subtle" icon={<SettingsRegular />} onClick={() => useSamDeskStore.getState().openSettings()} />
      </Tooltip>
      <OnceOpened open={profilesPanelOpen}>
        <ProfilesPanel />
      </OnceOpened>
      <OnceOpened open={settingsOpen}>
        <SettingsDialog />
      </OnceOpened>
    </span>
  );
}
