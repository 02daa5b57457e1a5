import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { VaultRegular } from '@fluentui/react-icons';
import type { ProfileSummary } from '../../../../electron/ipc/profiles';
import { describeVaultStatus } from '../../../../electron/ipc/vaultStatus';
import { useNow } from '../../hooks/useNow';
import { useSamDeskStore } from '../../store';
import { KeyVaultPanel, OnceOpened } from '../../lazyPanels';
import { useKeyVaultEvents } from './useKeyVaultEvents';
import { AppTooltip } from '../AppTooltip';

const useStyles = makeStyles({
  // The profile's name and tenant shrink first; the vault's dot stays visible.
  button: { flexShrink: 0 },
  label: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, whiteSpace: 'nowrap' },
});

/** The header's way to the vault panel: a dot says at a glance whether the vault's copy is in step. */
export function KeyVaultButton({ profile }: { profile: ProfileSummary }) {
  const styles = useStyles();
  const now = useNow(30_000);
  useKeyVaultEvents();
  const publication = useSamDeskStore((state) => state.publications[profile.id]);
  const panelOpen = useSamDeskStore((state) => state.keyVaultPanelOpen);
  const status = publication ? describeVaultStatus(publication, new Date(now)) : 'Not published to Azure Key Vault';
  const color = !publication ? 'informative' : publication.state === 'failed' ? 'danger' : publication.state === 'pending' ? 'warning' : 'success';
  return (
    <>
      <AppTooltip content={status} relationship="description">
        <Button className={styles.button} appearance="subtle" icon={<VaultRegular />} onClick={() => useSamDeskStore.getState().openKeyVaultPanel()} aria-label="Azure Key Vault">
          <span className={styles.label}>
            Key Vault
            {publication && <Badge size="extra-small" color={color} aria-label={status} />}
          </span>
        </Button>
      </AppTooltip>
      <OnceOpened open={panelOpen}>
        <KeyVaultPanel profile={profile} />
      </OnceOpened>
    </>
  );
}
