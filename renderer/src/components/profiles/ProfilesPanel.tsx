import {
  Button,
  Caption1,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  MessageBar,
  MessageBarBody,
  OverlayDrawer,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwiseRegular, DismissRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import type { LifetimeLevel } from '../../../../electron/ipc/profiles';
import { levelAt } from '../../../../electron/ipc/timeLeft';
import { useNow } from '../../hooks/useNow';
import { useSamDeskStore, useStoreFields } from '../../store';
import { ProfilesPanelToaster } from '../AppToaster';
import { ProfileLifetimeRow } from './ProfileLifetimeRow';
import { useRenewal } from './useRenewal';

const useStyles = makeStyles({
  intro: { color: tokens.colorNeutralForeground2, display: 'block', marginBottom: tokens.spacingVerticalM },
  toolbar: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM },
  list: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, paddingBottom: tokens.spacingVerticalL },
});

const urgency: Record<LifetimeLevel, number> = { revoked: 0, expired: 0, critical: 1, warning: 1, healthy: 1 };

/** Every stored refresh token with its live countdown, most urgent first, and renew / re-consent. */
export function ProfilesPanel() {
  const styles = useStyles();
  const now = useNow(30_000);
  const { profilesPanelOpen: open, profiles, focusedProfileId, renewingAll, settings } = useStoreFields([
    'profilesPanelOpen', 'profiles', 'focusedProfileId', 'renewingAll', 'settings',
  ]);
  const signingIn = useSamDeskStore((state) => state.consentStatus !== 'idle');
  const sorted = useMemo(
    () =>
      [...profiles].sort((a, b) => {
        const rank = urgency[levelAt(a, now, settings ?? undefined)] - urgency[levelAt(b, now, settings ?? undefined)];
        return rank || Date.parse(a.expiresAt) - Date.parse(b.expiresAt);
      }),
    [profiles, now, settings],
  );
  const { renewAll } = useRenewal();

  return (
    <OverlayDrawer position="end" size="medium" open={open} onOpenChange={(_, data) => !data.open && useSamDeskStore.getState().closeProfilesPanel()}>
      <DrawerHeader>
        <DrawerHeaderTitle
          action={<Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={() => useSamDeskStore.getState().closeProfilesPanel()} />}
        >
          Refresh tokens
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        <Caption1 className={styles.intro}>
          A refresh token lapses 90 days after it was last used.{' '}
          {settings?.autoRenew === false
            ? 'Automatic renewal is off: renew here, or schedule `samdesk renew`.'
            : `SAM Desk renews each one automatically ${settings?.renewAfterDays ?? 7} days after its last use, while it runs.`}
        </Caption1>
        <div className={styles.toolbar}>
          <Button
            appearance="primary"
            icon={renewingAll ? <Spinner size="tiny" /> : <ArrowClockwiseRegular />}
            disabled={renewingAll || profiles.length === 0}
            onClick={() => void renewAll()}
          >
            {renewingAll ? 'Renewing…' : 'Renew all'}
          </Button>
          <Caption1>{profiles.length === 1 ? '1 profile' : `${profiles.length} profiles`}</Caption1>
        </div>
        {signingIn && (
          <MessageBar intent="info">
            <MessageBarBody>A sign-in window has opened. Sign in and accept to renew the consent.</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.list} role="list" aria-label="Profiles by urgency">
          {sorted.map((profile) => (
            <div role="listitem" key={profile.id}>
              <ProfileLifetimeRow profile={profile} focused={profile.id === focusedProfileId} />
            </div>
          ))}
        </div>
      </DrawerBody>
      <ProfilesPanelToaster />
    </OverlayDrawer>
  );
}
