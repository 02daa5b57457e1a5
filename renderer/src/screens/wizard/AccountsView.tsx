import { Body1, Button, Caption1, Input, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { VaultRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ProfileSummary } from '../../../../electron/ipc/profiles';
import { AppDialog } from '../../components/AppDialog';
import { useAppToast } from '../../components/AppToaster';
import { ErrorBar } from '../../components/ErrorBar';
import { WizardFooter } from '../../components/wizard/WizardFooter';
import { formatDateTime } from '../../../../electron/ipc/dateTime';
import { useSamDeskStore, useStoreFields } from '../../store';
import { useStepStyles } from './styles';
import { StepIntro } from './StepIntro';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Several partner consents side by side: rename, sign in again, remove, add. */
export function AccountsView() {
  const styles = { ...useStepStyles(), ...useStyles() };
  const store = useStoreFields([
    'profiles', 'wizardError', 'openWizard', 'closeWizard', 'renameProfile', 'removeProfile', 'dismissWizardError',
  ]);
  const toast = useAppToast();
  const [removing, setRemoving] = useState<ProfileSummary | null>(null);
  const [vaultSecrets, setVaultSecrets] = useState<'leave' | 'delete'>('leave');
  const publication = useSamDeskStore((state) => (removing ? state.publications[removing.id] : undefined));

  return (
    <div className={styles.step}>
      <StepIntro title="Partner accounts">Each partner account is one consent: a partner tenant, its SAM app and the admin who signed in.</StepIntro>
      {store.wizardError && <ErrorBar title="That did not work" error={store.wizardError} onDismiss={store.dismissWizardError} />}
      <ul className={styles.list} aria-label="Partner accounts">
        {store.profiles.map((profile) => (
          <AccountRow
            key={profile.id}
            profile={profile}
            onRename={(name) =>
              void store.renameProfile(profile.id, name).then((renamed) => renamed && toast({ intent: 'success', title: `Renamed to “${name}”` }))
            }
            onReconsent={() => store.openWizard('steps', profile.id)}
            onRemove={() => {
              setVaultSecrets('leave');
              setRemoving(profile);
            }}
          />
        ))}
      </ul>
      {store.profiles.length === 0 && <Body1>No partner accounts yet.</Body1>}
      <div className={styles.row}>
        <Button icon={<VaultRegular />} onClick={() => useSamDeskStore.getState().openJoinVault()}>
          Join from a team’s Key Vault
        </Button>
      </div>
      <WizardFooter onBack={store.profiles.length > 0 ? store.closeWizard : undefined} next={{ label: 'Add partner account', onClick: () => store.openWizard() }} />
      <AppDialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title={`Remove “${removing?.name}”?`}
        actions={
          <>
          <Button onClick={() => setRemoving(null)}>Keep it</Button>
          <Button
            appearance="primary"
            onClick={() => {
              if (removing) {
                const { id, name } = removing;
                void store.removeProfile(id, publication ? vaultSecrets : undefined).then(
                  (removed) =>
                    removed &&
                    toast({ intent: 'success', title: `Removed “${name}”`, body: 'Its refresh tokens and client secret are gone from your keychain.' }),
                );
              }
              setRemoving(null);
            }}
          >
            Remove
          </Button>
          </>
        }
      >
        SAM Desk deletes this account’s refresh tokens and client secret from your keychain and forgets the profile. The app
        registration in your tenant stays. You can connect again at any time.
        {publication && (
          <RadioGroup aria-label={`Its secrets in ${publication.vaultName}`} value={vaultSecrets} onChange={(_, data) => setVaultSecrets(data.value as 'leave' | 'delete')}>
            <Radio value="leave" label={`Leave its secrets in the key vault ${publication.vaultName} (runbooks keep reading them)`} />
            <Radio value="delete" label={`Delete them from ${publication.vaultName} too (recoverable there for its retention period)`} />
          </RadioGroup>
        )}
      </AppDialog>
    </div>
  );
}

function AccountRow({ profile, onRename, onReconsent, onRemove }: { profile: ProfileSummary; onRename: (name: string) => void; onReconsent: () => void; onRemove: () => void }) {
  const styles = { ...useStepStyles(), ...useStyles() };
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(profile.name);
  return (
    <li className={styles.item} aria-label={profile.name}>
      {editing ? (
        <div className={styles.row}>
          <Input aria-label="Profile name" value={name} maxLength={80} onChange={(_, data) => setName(data.value)} />
          <Button
            appearance="primary"
            disabled={!name.trim()}
            onClick={() => {
              onRename(name.trim());
              setEditing(false);
            }}
          >
            Save
          </Button>
          <Button onClick={() => setEditing(false)}>Cancel</Button>
        </div>
      ) : (
        <Body1>
          <strong>{profile.name}</strong>
        </Body1>
      )}
      <Caption1 className={styles.muted}>
        {profile.user} · partner tenant {profile.partnerTenantId} ·{' '}
        {profile.hasRefreshToken ? `refresh token lapses ${formatDateTime(profile.expiresAt, { zone: true })}` : 'no refresh token stored: sign in again'}
      </Caption1>
      <div className={styles.row}>
        <Button size="small" onClick={() => setEditing(true)} disabled={editing}>
          Rename
        </Button>
        <Button size="small" onClick={onReconsent}>
          Sign in again
        </Button>
        <Button size="small" onClick={onRemove}>
          Remove
        </Button>
      </div>
    </li>
  );
}
