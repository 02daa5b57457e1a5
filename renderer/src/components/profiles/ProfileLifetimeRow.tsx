import { Badge, Body1Strong, Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, PersonKeyRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import type { UserFacingError } from '../../../../electron/ipc/errors';
import { NO_REFRESH_TOKEN, type ProfileSummary } from '../../../../electron/ipc/profiles';
import { levelAt } from '../../../../electron/ipc/timeLeft';
import { formatDateTime } from '../../../../electron/ipc/dateTime';
import { useNow } from '../../hooks/useNow';
import { useSamDeskStore } from '../../store';
import { levelColor, needsReconsent, stateLabel } from './lifetimeLook';
import { lapsesLine, useRenewal } from './useRenewal';
import { TimeLeftBadge } from './TimeLeftBadge';
import { VaultStatusLine } from '../keyVault/VaultStatusLine';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    rowGap: tokens.spacingVerticalS,
    columnGap: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderLeftWidth: '4px',
  },
  healthy: { borderLeftColor: tokens.colorPaletteGreenBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  danger: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  focused: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '2px' },
  who: { display: 'flex', flexDirection: 'column', minWidth: 0, rowGap: tokens.spacingVerticalXXS },
  title: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  countdown: { display: 'flex', alignItems: 'flex-start', justifyContent: 'flex-end' },
  facts: { gridColumn: '1 / -1', display: 'flex', columnGap: tokens.spacingHorizontalL, flexWrap: 'wrap', color: tokens.colorNeutralForeground2 },
  actions: { gridColumn: '1 / -1', display: 'flex', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS, alignItems: 'center', flexWrap: 'wrap' },
  message: { gridColumn: '1 / -1' },
});

/** One profile in the panel: level, time left, last redemption, and the action that helps now. */
export function ProfileLifetimeRow({ profile, focused }: { profile: ProfileSummary; focused: boolean }) {
  const styles = useStyles();
  const ref = useRef<HTMLDivElement>(null);
  const now = useNow(30_000);
  const thresholds = useSamDeskStore((state) => state.settings ?? undefined);
  const renewing = useSamDeskStore((state) => state.renewingAll || state.renewingProfileIds.includes(profile.id));
  const signingIn = useSamDeskStore((state) => state.consentStatus !== 'idle');
  const callError = useSamDeskStore((state) => state.renewalErrors[profile.id]);
  const publication = useSamDeskStore((state) => state.publications[profile.id]);
  const renewedAt = useSamDeskStore((state) => state.renewedAt[profile.id]);
  const { renewOne } = useRenewal();
  const level = levelAt(profile, now, thresholds);
  const reconsent = needsReconsent(profile, level);
  const error: Pick<UserFacingError, 'message' | 'action' | 'code'> | undefined =
    callError ?? (profile.lastError ? { message: profile.lastError.message, action: profile.lastError.action, code: profile.lastError.code } : undefined);

  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [focused]);

  const accent = level === 'healthy' ? styles.healthy : level === 'warning' ? styles.warning : styles.danger;
  return (
    <div ref={ref} className={mergeClasses(styles.row, accent, focused && styles.focused)} role="group" aria-label={`Profile ${profile.name}`}>
      <div className={styles.who}>
        <span className={styles.title}>
          <Body1Strong>{profile.name}</Body1Strong>
          <Badge appearance="filled" size="small" color={levelColor[level]}>
            {stateLabel(profile, level)}
          </Badge>
        </span>
        <Caption1 className={styles.muted}>
          {profile.user} · partner tenant {profile.partnerTenantId}
        </Caption1>
      </div>
      <div className={styles.countdown}>
        <TimeLeftBadge profile={profile} size="large" />
      </div>
      <Caption1 className={styles.facts}>
        <span>Last used {formatDateTime(profile.lastRedeemedAt)}</span>
        {/* Without a stored token the message below says so; nothing lapses or renews. */}
        {!profile.hasRefreshToken ? null : level === 'revoked' ? (
          <span>Revoked by Microsoft; only a new sign-in helps</span>
        ) : (
          <span>
            {level === 'expired' ? 'Lapsed' : 'Lapses'} {formatDateTime(profile.expiresAt, { zone: true })}
          </span>
        )}
        {publication && <VaultStatusLine publication={publication} />}
      </Caption1>
      {error && (
        <MessageBar className={styles.message} intent={reconsent ? 'error' : 'warning'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              {error.code === NO_REFRESH_TOKEN ? 'No refresh token stored' : `Renewal failed${error.code?.startsWith('AADSTS') ? ` (${error.code})` : ''}`}
            </MessageBarTitle>
            {error.message} {error.action}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        {reconsent && (
          <Button appearance="primary" icon={<PersonKeyRegular />} disabled={signingIn} onClick={() => void useSamDeskStore.getState().reconsentProfile(profile.id)}>
            Re-consent
          </Button>
        )}
        {profile.hasRefreshToken && (
          <Button
            appearance={reconsent ? 'secondary' : level === 'healthy' ? 'secondary' : 'primary'}
            icon={renewing ? <Spinner size="tiny" /> : <ArrowClockwiseRegular />}
            disabled={renewing}
            onClick={() => void renewOne(profile.id)}
          >
            {renewing ? 'Renewing…' : 'Renew now'}
          </Button>
        )}
        {renewedAt && !renewing && !error && (
          <Caption1 role="status">
            Renewed at {formatDateTime(renewedAt, { zone: true })}. {lapsesLine(profile)}
          </Caption1>
        )}
      </div>
    </div>
  );
}
