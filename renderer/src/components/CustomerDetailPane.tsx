import { Body1, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { RefObject } from 'react';
import type { CustomerTenant } from '../../../electron/ipc/customers';
import { useSamDeskStore } from '../store';
import { CopyTenantIdButton } from './CopyTenantIdButton';
import { CustomerRelationships } from './CustomerRelationships';
import { SnippetList } from './snippets/SnippetList';
import { CustomerReadiness } from './readiness/CustomerReadiness';
import { useReadiness } from './readiness/useReadiness';

const useStyles = makeStyles({
  pane: {
    minHeight: 0,
    overflowY: 'auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  content: { maxWidth: '860px', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  heading: { ...typographyStyles.title2, margin: 0, overflowWrap: 'anywhere', ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    alignItems: 'center',
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, minWidth: 0 },
  // A tenant id never breaks mid-GUID: it keeps one line, shortened with an ellipsis (the full id in its title and copy button).
  mono: {
    fontFamily: tokens.fontFamilyMonospace,
    userSelect: 'text',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    minWidth: 0,
  },
  empty: { color: tokens.colorNeutralForeground3 },
});

export interface CustomerDetailPaneProps {
  /** Receives focus when a customer is opened from the list. */
  headingRef: RefObject<HTMLHeadingElement | null>;
}

export function CustomerDetailPane({ headingRef }: CustomerDetailPaneProps) {
  const styles = useStyles();
  const customer = useSamDeskStore((state) =>
    state.selectedCustomerTenantId
      ? state.customers.find((candidate) => candidate.tenantId === state.selectedCustomerTenantId)
      : undefined,
  );

  return (
    <main className={styles.pane} aria-label="Customer details">
      {customer ? (
        <CustomerDetail customer={customer} headingRef={headingRef} />
      ) : (
        <Body1 className={styles.empty}>Select a customer to see its tenant and PowerShell snippets.</Body1>
      )}
    </main>
  );
}

function CustomerDetail({ customer, headingRef }: { customer: CustomerTenant; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const styles = useStyles();
  const readiness = useReadiness(customer);
  return (
    <div className={styles.content}>
      <h2 ref={headingRef} tabIndex={-1} className={styles.heading}>
        {customer.name}
      </h2>
      <dl className={styles.facts}>
        <dt className={styles.term}>Domain</dt>
        <dd className={styles.value}>{customer.domain}</dd>
        <dt className={styles.term}>Tenant id</dt>
        <dd className={styles.value}>
          <span className={styles.mono} title={customer.tenantId}>
            {customer.tenantId}
          </span>
          <CopyTenantIdButton tenantId={customer.tenantId} />
        </dd>
      </dl>
      <CustomerRelationships customer={customer} />
      <CustomerReadiness customer={customer} verdicts={readiness} />

      <SnippetList customerTenantId={customer.tenantId} readiness={readiness} />
    </div>
  );
}
