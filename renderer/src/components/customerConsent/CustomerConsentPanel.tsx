import {
  Badge,
  Body1,
  Button,
  Caption1,
  ProgressBar,
  Spinner,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CustomerConsent } from '../../../../electron/ipc/contract';
import { useSamDeskStore } from '../../store';
import { ErrorBar } from '../ErrorBar';
import { WizardFooter } from '../wizard/WizardFooter';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  heading: { margin: 0 },
  help: { color: tokens.colorNeutralForeground2, margin: 0 },
  row: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    maxHeight: '360px',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  item: {
    display: 'grid',
    gridTemplateColumns: '1fr auto auto',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  reason: { color: tokens.colorNeutralForeground3, display: 'block' },
});

const badges: Record<CustomerConsent['status'], { label: string; color: 'success' | 'warning' | 'danger' | 'informative' }> = {
  consented: { label: 'Consented', color: 'success' },
  exists: { label: 'Consent exists', color: 'informative' },
  partial: { label: 'Needs repair', color: 'warning' },
  'not-consented': { label: 'Not consented', color: 'warning' },
  'no-access': { label: 'No admin access', color: 'informative' },
  error: { label: 'Error', color: 'danger' },
};

/** Per customer: may the SAM app act there? Grant it for one or all through Partner Center. */
export function CustomerConsentPanel() {
  const styles = useStyles();
  const store = useSamDeskStore(
    useShallow((state) => ({
      consents: state.customerConsents,
      progress: state.customerConsentProgress,
      busy: state.wizardBusy,
      error: state.wizardError,
      load: state.loadCustomerConsents,
      grant: state.grantCustomerConsent,
      dismissError: state.dismissWizardError,
    })),
  );
  useEffect(() => {
    if (!useSamDeskStore.getState().customerConsents) void useSamDeskStore.getState().loadCustomerConsents();
  }, []);
  const missing = store.consents?.filter((row) => row.status === 'not-consented') ?? [];
  const granting = store.progress !== null && store.progress.done < store.progress.total;
  const back = () => useSamDeskStore.setState({ wizardView: 'steps', wizardError: null });

  return (
    <div className={styles.panel}>
      <Title2 as="h1" className={styles.heading}>
        Customer consent
      </Title2>
      <Body1 className={styles.help}>
        Your SAM app works in a customer’s tenant only once it is consented there. Partner Center can grant that consent for you,
        using your admin relationship with the customer.
      </Body1>
      {store.busy === 'checking-customers' && (
        <div className={styles.row} role="status">
          <Spinner size="tiny" aria-hidden />
          <Body1>Checking each customer…</Body1>
        </div>
      )}
      {store.error && <ErrorBar title="That did not work" error={store.error} onRetry={() => void store.load()} onDismiss={store.dismissError} />}
      {store.consents && (
        <div className={styles.row}>
          <Body1>
            {store.consents.length - missing.length} of {store.consents.length} customers consented; {missing.length} not consented.
          </Body1>
          <Button appearance="primary" disabled={missing.length === 0 || granting} onClick={() => void store.grant(missing.map((row) => row.tenantId))}>
            Grant consent to all {missing.length}
          </Button>
        </div>
      )}
      {store.progress && (
        <ProgressBar
          value={store.progress.done / store.progress.total}
          aria-label={`Granted ${store.progress.done} of ${store.progress.total}`}
        />
      )}
      {store.progress && <Caption1 role="status">Granted {store.progress.done} of {store.progress.total}</Caption1>}
      {store.consents && (
        <ul className={styles.list} aria-label="Customer consents">
          {store.consents.map((row) => (
            <li key={row.tenantId} className={styles.item} aria-label={row.name}>
              <div>
                <Body1>{row.name}</Body1>
                {row.error && row.status !== 'consented' && (
                  <Caption1 className={styles.reason}>
                    {row.error.message} {row.error.code ? `(${row.error.code})` : ''}
                    {row.status === 'exists' && row.error.action ? ` ${row.error.action}` : ''}
                  </Caption1>
                )}
              </div>
              <Badge appearance="tint" color={badges[row.status].color}>
                {badges[row.status].label}
              </Badge>
              {row.status === 'exists' ? (
                <Button size="small" disabled={granting} onClick={() => void store.grant([row.tenantId], { repair: true })} title="Remove the consent and grant it again with SAM Desk’s current permissions">
                  Repair
                </Button>
              ) : row.status === 'not-consented' || row.status === 'error' ? (
                <Button size="small" disabled={granting} onClick={() => void store.grant([row.tenantId])}>
                  Grant
                </Button>
              ) : (
                <span />
              )}
            </li>
          ))}
        </ul>
      )}
      <WizardFooter onBack={back}>
        <Button onClick={() => void store.load()} disabled={!!store.busy || granting}>
          Check again
        </Button>
      </WizardFooter>
    </div>
  );
}
