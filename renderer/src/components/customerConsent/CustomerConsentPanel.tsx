import { Body1, Button, Caption1, Checkbox, ProgressBar, SearchBox, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { consentCategory, countConsents, type ConsentCategory } from '../../../../electron/ipc/customerConsentSummary';
import { samdesk } from '../../api';
import { useSamDeskStore, useStoreFields } from '../../store';
import { ErrorBar } from '../ErrorBar';
import { WizardFooter } from '../wizard/WizardFooter';
import { ConsentCounts } from './ConsentCounts';
import { ConsentList } from './ConsentList';
import { filterConsentRows, rowAction } from './consentRows';
import { StepIntro } from '../../screens/wizard/StepIntro';
import { formatCount } from '../../../../electron/ipc/counts';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  row: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, flexWrap: 'wrap' },
  search: { flexGrow: 1, minWidth: '200px', maxWidth: 'none' },
  muted: { color: tokens.colorNeutralForeground3 },
});


/**
 * Customer consent: may the SAM app act in each customer's tenant? Counts that add up, filters and
 * a search that work at 10,000 customers, and grant for one, a selection or all (Partner Center's
 * application consents, confirmed once in main), with progress and each customer's result.
 */
export function CustomerConsentPanel() {
  const styles = useStyles();
  const store = useStoreFields([
    'customerConsents', 'customerConsentChecking', 'customerConsentCheckProgress', 'customerConsentGrant',
    'customerConsentError', 'loadCustomerConsents', 'grantCustomerConsent', 'closeCustomerConsent',
    'dismissCustomerConsentError', 'setCustomerConsentProgress',
  ]);
  const profileId = useSamDeskStore((state) => state.wizardProfileId ?? state.activeProfileId);
  const [category, setCategory] = useState<ConsentCategory | 'all'>('all');
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const deferredQuery = useDeferredValue(query);

  useEffect(() => {
    if (!useSamDeskStore.getState().customerConsents) void useSamDeskStore.getState().loadCustomerConsents();
  }, []);
  useEffect(() => {
    if (!profileId) return;
    return samdesk().on('customerConsent.progress', ({ profileId, ...event }) => {
      if (profileId === profileId) store.setCustomerConsentProgress(event);
    });
  }, [profileId, store.setCustomerConsentProgress]);

  const rows = useMemo(() => store.customerConsents ?? [], [store.customerConsents]);
  const counts = useMemo(() => countConsents(rows), [rows]);
  const shown = useMemo(() => filterConsentRows(rows, category, deferredQuery), [rows, category, deferredQuery]);
  const notConsented = useMemo(() => rows.filter((row) => consentCategory(row) === 'not-consented').map((row) => row.tenantId), [rows]);
  const toRepair = useMemo(() => rows.filter((row) => consentCategory(row) === 'needs-repair').map((row) => row.tenantId), [rows]);
  const selectable = useMemo(() => shown.filter((row) => rowAction(row) === 'grant').map((row) => row.tenantId), [shown]);
  const chosen = selectable.filter((tenantId) => selected.has(tenantId));
  const busy = store.customerConsentChecking || !!store.customerConsentGrant?.running;

  const grant = async (tenantIds: string[], repair = false) => {
    await store.grantCustomerConsent(tenantIds, { repair });
    setSelected(new Set());
  };
  const toggle = (tenantId: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(tenantId);
      else next.delete(tenantId);
      return next;
    });
  const allShownSelected = selectable.length > 0 && chosen.length === selectable.length;

  return (
    <div className={styles.panel}>
      <StepIntro title="Customer consent">
        Your SAM app works in a customer’s tenant only once it is consented there. For customers Partner Center lists, Partner Center grants that
        consent with your admin relationship; GDAP-only customers consent through their own admin.
      </StepIntro>

      {store.customerConsentChecking && (
        <div role="status">
          <div className={styles.row}>
            <Spinner size="tiny" aria-hidden />
            <Body1>
              Checking each customer
              {store.customerConsentCheckProgress ? `: ${formatCount(store.customerConsentCheckProgress.checked)} of ${formatCount(store.customerConsentCheckProgress.total)}` : '…'}
            </Body1>
          </div>
          {store.customerConsentCheckProgress && store.customerConsentCheckProgress.total > 0 && (
            <ProgressBar aria-label="Checking customer consents" value={store.customerConsentCheckProgress.checked / store.customerConsentCheckProgress.total} />
          )}
        </div>
      )}
      {store.customerConsentError && <ErrorBar title="That did not work" error={store.customerConsentError} onRetry={() => void store.loadCustomerConsents()} onDismiss={store.dismissCustomerConsentError} />}

      {store.customerConsents && (
        <>
          <ConsentCounts counts={counts} selected={category} onSelect={setCategory} />
          <Caption1 className={styles.muted} aria-live="polite">
            {formatCount(counts.consented)} of {formatCount(counts.total)} customers consented
            {counts['not-consented'] > 0 && ` · ${formatCount(counts['not-consented'])} can be consented through Partner Center`}
            {counts['not-through-partner-center'] > 0 && ` · ${formatCount(counts['not-through-partner-center'])} need their own admin’s consent (the link in their row)`}
            {counts['no-access'] > 0 && ` · ${formatCount(counts['no-access'])} without admin access`}
          </Caption1>
          <div className={styles.row}>
            {notConsented.length > 0 ? (
              <Button appearance="primary" disabled={busy} onClick={() => void grant(notConsented)}>
                Grant consent to all {formatCount(notConsented.length)} not consented
              </Button>
            ) : (
              <Body1 className={styles.muted}>Every customer Partner Center can consent is consented.</Body1>
            )}
            {chosen.length > 0 && (
              <Button disabled={busy} onClick={() => void grant(chosen)}>
                Grant to {formatCount(chosen.length)} selected
              </Button>
            )}
            {toRepair.length > 0 && (
              <Button disabled={busy} onClick={() => void grant(toRepair, true)} title="Remove each stale consent and grant SAM Desk’s current permissions">
                Repair {formatCount(toRepair.length)}
              </Button>
            )}
          </div>
          {store.customerConsentGrant && <GrantProgress grant={store.customerConsentGrant} />}
          <div className={styles.row}>
            <Checkbox
              label="Select all shown"
              disabled={selectable.length === 0}
              checked={allShownSelected ? true : chosen.length > 0 ? 'mixed' : false}
              onChange={(_, data) => setSelected(data.checked === true ? new Set(selectable) : new Set())}
            />
            <SearchBox className={styles.search} size="small" aria-label="Search customer consents" placeholder="Search by name or tenant id" value={query} onChange={(_, data) => setQuery(data.value)} />
            <Caption1 className={styles.muted}>
              {shown.length === rows.length ? `${formatCount(rows.length)} customers` : `${formatCount(shown.length)} of ${formatCount(rows.length)}`}
            </Caption1>
          </div>
          {shown.length > 0 ? (
            <ConsentList rows={shown} selected={selected} onToggle={toggle} onGrant={(tenantId) => void grant([tenantId])} onRepair={(tenantId) => void grant([tenantId], true)} busy={busy} />
          ) : (
            <Body1 className={styles.muted}>No customer matches this filter.</Body1>
          )}
        </>
      )}
      <WizardFooter onBack={store.closeCustomerConsent}>
        <Button onClick={() => void store.loadCustomerConsents()} disabled={busy}>
          Check again
        </Button>
      </WizardFooter>
    </div>
  );
}

function GrantProgress({ grant }: { grant: NonNullable<ReturnType<typeof useSamDeskStore.getState>['customerConsentGrant']> }) {
  const verb = grant.repair ? 'Repairing' : 'Granting';
  return (
    <div role="status">
      <ProgressBar aria-label={`${verb} consent`} value={grant.total > 0 ? grant.done / grant.total : undefined} />
      <Caption1>
        {grant.running
          ? `${verb} consent: ${formatCount(grant.done)} of ${formatCount(grant.total)}`
          : `${grant.repair ? 'Repaired' : 'Granted'} for ${formatCount(grant.total)} ${grant.total === 1 ? 'customer' : 'customers'}: ${formatCount(grant.consented)} consented${grant.failed > 0 ? `, ${formatCount(grant.failed)} not (their rows say why)` : ''}.`}
      </Caption1>
    </div>
  );
}
