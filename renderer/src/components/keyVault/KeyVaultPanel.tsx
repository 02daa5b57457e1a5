import { Button, Caption1, DrawerBody, DrawerHeader, DrawerHeaderTitle, OverlayDrawer, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { ProfileSummary } from '../../../../electron/ipc/profiles';
import { useSamDeskStore, useStoreFields } from '../../store';
import { ErrorBar } from '../ErrorBar';
import { PublicationView } from './PublicationView';
import { PublishForm } from './PublishForm';

const useStyles = makeStyles({
  intro: { color: tokens.colorNeutralForeground2, display: 'block', marginBottom: tokens.spacingVerticalL },
  error: { marginBottom: tokens.spacingVerticalL },
});

/** The active profile's Azure Key Vault copy: publish it, see how it stands, push, stop. */
export function KeyVaultPanel({ profile }: { profile: ProfileSummary }) {
  const styles = useStyles();
  const { keyVaultPanelOpen: open, keyVaultError: error } = useStoreFields(['keyVaultPanelOpen', 'keyVaultError']);
  const publication = useSamDeskStore((state) => state.publications[profile.id]);
  const close = () => useSamDeskStore.getState().closeKeyVaultPanel();

  return (
    <OverlayDrawer position="end" size="medium" open={open} onOpenChange={(_, data) => !data.open && close()}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={close} />}>Azure Key Vault</DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        <Caption1 className={styles.intro}>
          {publication
            ? 'Every time SAM Desk uses this refresh token, the new one goes to the vault as a new version. A newer version a teammate or a runbook wrote is taken into your keychain instead of being overwritten.'
            : 'Publish this profile’s refresh token to your team’s key vault, where runbooks, Azure Functions, CIPP and teammates read it. SAM Desk then keeps the vault’s copy in step with your keychain.'}
        </Caption1>
        {error && (
          <div className={styles.error}>
            <ErrorBar title="Key Vault" error={error} onDismiss={() => useSamDeskStore.getState().dismissKeyVaultError()} />
          </div>
        )}
        {publication ? <PublicationView profile={profile} publication={publication} /> : <PublishForm profile={profile} />}
      </DrawerBody>
    </OverlayDrawer>
  );
}
