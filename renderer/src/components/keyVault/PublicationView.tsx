import { Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, ArrowUndoRegular, CloudDismissRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { VaultPublication } from '../../../../electron/ipc/keyVault';
import type { ProfileSummary } from '../../../../electron/ipc/profiles';
import { formatDateTime } from '../../../../electron/ipc/dateTime';
import { AppDialog } from '../AppDialog';
import { useSamDeskStore } from '../../store';
import { nameSchemeLabels } from './PublishForm';
import { VaultStatusLine } from './VaultStatusLine';

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  row: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** Versions can follow each other within a minute; their time shows the seconds. */
const formatWithSeconds = (iso: string) => formatDateTime(iso, { seconds: true });

/** Published: how the vault copy stands, its secrets and latest version, push now, stop publishing. */
export function PublicationView({ profile, publication }: { profile: ProfileSummary; publication: VaultPublication }) {
  const styles = useStyles();
  const busy = useSamDeskStore((state) => state.keyVaultBusy);
  const [stopping, setStopping] = useState(false);
  const { secretNames, currentVersion, error } = publication;
  const deleted = error?.code === 'ObjectIsDeletedButRecoverable';

  return (
    <div className={styles.view}>
      <VaultStatusLine publication={publication} size="medium" wrap />
      {error && (
        <MessageBar intent={publication.state === 'failed' ? 'error' : 'warning'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The vault’s copy is not up to date</MessageBarTitle>
            {error.message} {error.action}
            {error.nextAttemptAt && ` Next try: ${formatDateTime(error.nextAttemptAt, { zone: true })}.`}
          </MessageBarBody>
        </MessageBar>
      )}
      <dl className={styles.facts} aria-label="Where this profile is published">
        <dt className={styles.term}>Vault</dt>
        <dd className={styles.value}>
          <strong>{publication.vaultName}</strong> <span className={styles.mono}>{publication.vaultUrl}</span>
        </dd>
        <dt className={styles.term}>Names</dt>
        <dd className={styles.value}>{nameSchemeLabels[publication.names].title}</dd>
        <dt className={styles.term}>Refresh token</dt>
        <dd className={styles.value}>
          <span className={styles.mono}>{secretNames.refreshToken}</span>
        </dd>
        <dt className={styles.term}>Also</dt>
        <dd className={styles.value}>
          <span className={styles.mono}>
            {secretNames.applicationId}, {secretNames.tenantId}, {secretNames.applicationSecret}
          </span>
          <Caption1> (the client secret only for an app that has one)</Caption1>
        </dd>
        <dt className={styles.term}>Latest version</dt>
        <dd className={styles.value} aria-label="Latest version">
          {currentVersion ? (
            <>
              {formatWithSeconds(currentVersion.createdAt)} · {currentVersion.bySamDesk ? 'written by SAM Desk' : 'written by someone else'}{' '}
              <span className={styles.mono} title={currentVersion.version}>
                ({currentVersion.version.slice(0, 8)}…)
              </span>
            </>
          ) : (
            'none yet'
          )}
        </dd>
        {publication.expiresAt && (
          <>
            <dt className={styles.term}>Expires in the vault</dt>
            <dd className={styles.value}>{formatDateTime(publication.expiresAt, { zone: true })} (90 days after the token’s last use)</dd>
          </>
        )}
        <dt className={styles.term}>Published</dt>
        <dd className={styles.value}>{formatDateTime(publication.publishedAt, { zone: true })}</dd>
      </dl>
      <div className={styles.row}>
        {deleted && (
          <Button appearance="primary" icon={<ArrowUndoRegular />} disabled={busy !== null} onClick={() => void useSamDeskStore.getState().syncVault(profile.id, true)}>
            Recover and push
          </Button>
        )}
        <Button
          appearance={deleted ? 'secondary' : 'primary'}
          icon={busy === 'syncing' ? <Spinner size="tiny" /> : <ArrowSyncRegular />}
          disabled={busy !== null}
          onClick={() => void useSamDeskStore.getState().syncVault(profile.id)}
        >
          {busy === 'syncing' ? 'Pushing…' : 'Push now'}
        </Button>
        <Button icon={<CloudDismissRegular />} disabled={busy !== null} onClick={() => setStopping(true)}>
          Stop publishing…
        </Button>
      </div>
      <StopPublishingDialog open={stopping} publication={publication} onClose={() => setStopping(false)} />
    </div>
  );
}

function StopPublishingDialog({ open, publication, onClose }: { open: boolean; publication: VaultPublication; onClose: () => void }) {
  const [choice, setChoice] = useState<'leave' | 'delete'>('leave');
  return (
    <AppDialog
      open={open}
      onClose={onClose}
      title={`Stop publishing to ${publication.vaultName}?`}
      actions={
        <>
          <Button onClick={onClose}>Keep publishing</Button>
          <Button
            appearance="primary"
            onClick={() => {
              void useSamDeskStore.getState().unpublishVault(publication.profileId, choice === 'delete');
              onClose();
            }}
          >
            Stop publishing
          </Button>
        </>
      }
    >
      <RadioGroup value={choice} onChange={(_, data) => setChoice(data.value as 'leave' | 'delete')}>
        <Radio value="leave" label="Leave the secrets in the vault (runbooks that read them keep working until the token lapses)" />
        <Radio value="delete" label="Delete them from the vault too (Key Vault keeps them recoverable for its retention period)" />
      </RadioGroup>
    </AppDialog>
  );
}
