import { Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, CloudCheckmarkRegular, CloudErrorRegular } from '@fluentui/react-icons';
import type { VaultPublication } from '../../../../electron/ipc/keyVault';
import { describeVaultStatus } from '../../../../electron/ipc/vaultStatus';
import { formatDateTime } from '../../../../electron/ipc/dateTime';
import { useNow } from '../../hooks/useNow';

const useStyles = makeStyles({
  line: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, minWidth: 0 },
  text: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  wrap: { whiteSpace: 'normal' },
  icon: { flexShrink: 0, fontSize: '16px' },
  good: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  pending: { color: tokens.colorNeutralForeground2 },
});

/** "Vault: in sync, pushed 3 min ago" / "Vault: 403 — you need the Key Vault Secrets Officer role on this vault". */
export function VaultStatusLine({ publication, size = 'small', wrap = false }: { publication: VaultPublication; size?: 'small' | 'medium'; wrap?: boolean }) {
  const styles = useStyles();
  const now = useNow(30_000);
  const text = describeVaultStatus(publication, new Date(now));
  const tone = publication.state === 'failed' ? styles.bad : publication.state === 'pending' ? styles.pending : styles.good;
  const Icon = publication.state === 'failed' ? CloudErrorRegular : publication.state === 'pending' ? ArrowSyncRegular : CloudCheckmarkRegular;
  const title = publication.error?.nextAttemptAt ? `${text}. SAM Desk tries again at ${formatDateTime(publication.error.nextAttemptAt, { zone: true })}.` : text;
  const Words = size === 'small' ? Caption1 : Text;
  return (
    <span className={mergeClasses(styles.line, tone)} role="status" aria-label={`Key Vault status: ${text}`} title={title}>
      <Icon className={styles.icon} aria-hidden />
      <Words className={mergeClasses(styles.text, wrap && styles.wrap)}>{text}</Words>
    </span>
  );
}
