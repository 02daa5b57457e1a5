import { Body1, Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { AccessResource } from '../../../../electron/ipc/accessCheck';
import type { CustomerTenant } from '../../../../electron/ipc/customers';
import type { ProbeReport } from '../../../../electron/ipc/readiness';
import { consentedElsewhere } from '../../../../electron/shared/readiness';
import { useSamDeskStore } from '../../store';
import { formatCount } from '../../../../electron/ipc/counts';

export interface ConsentFromResultsProps {
  report: ProbeReport;
  customersById: ReadonlyMap<string, CustomerTenant>;
  resources: readonly AccessResource[];
}

/**
 * Where the check found the SAM app not consented (AADSTS65001): grant it for those customers
 * Partner Center lists, in one go (main asks to confirm), then check them again; the others need
 * their own admin's consent, which the consent screen offers as a link.
 */
export function ConsentFromResults({ report, customersById, resources }: ConsentFromResultsProps) {
  const [outcome, setOutcome] = useState<string | null>(null);
  const granting = useSamDeskStore((state) => !!state.customerConsentGrant?.running);
  const { consentable, repairable, elsewhere } = useMemo(() => {
    const groups = { consentable: [] as string[], repairable: [] as string[], elsewhere: [] as string[] };
    for (const customer of report.customers) {
      const missing = Object.entries(customer.results).filter(([, result]) => result?.status === 'failed' && result.problem === 'not-consented').map(([resource]) => resource);
      if (missing.length === 0) continue;
      if (customersById.get(customer.tenantId)?.inPartnerCenter === false) groups.elsewhere.push(customer.tenantId);
      else if (consentedElsewhere(customer, missing)) groups.repairable.push(customer.tenantId);
      else groups.consentable.push(customer.tenantId);
    }
    return groups;
  }, [report, customersById]);
  if (consentable.length + repairable.length + elsewhere.length === 0) return null;

  const grant = async (tenantIds: string[], repair: boolean) => {
    const store = useSamDeskStore.getState();
    setOutcome(null);
    const results = await store.grantCustomerConsent(tenantIds, { repair });
    const consented = results.filter((result) => result.status === 'consented').map((result) => result.tenantId);
    if (results.length === 0) {
      setOutcome(useSamDeskStore.getState().customerConsentError?.message ?? 'Nothing was granted.');
      return;
    }
    setOutcome(`Consented in ${formatCount(consented.length)} of ${formatCount(results.length)}${consented.length > 0 ? '; checking them again.' : '.'}`);
    if (consented.length > 0) await store.runAccessCheck({ resources, customerTenantIds: consented, concurrency: 8 });
  };

  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>The SAM app is not (fully) consented in {formatCount(consentable.length + repairable.length + elsewhere.length)} of these customers</MessageBarTitle>
        <Body1>
          {consentable.length > 0 && `Partner Center can grant it in ${formatCount(consentable.length)}. `}
          {repairable.length > 0 && `${formatCount(repairable.length)} ${repairable.length === 1 ? 'has a consent' : 'have consents'} made without some of SAM Desk’s permissions: Repair renews ${repairable.length === 1 ? 'it' : 'them'}. `}
          {elsewhere.length > 0 && `${formatCount(elsewhere.length)} can’t be consented through Partner Center (GDAP only): their own admin opens the consent link on the Customer consent screen.`}
        </Body1>
        {outcome && <Caption1 role="status">{outcome}</Caption1>}
      </MessageBarBody>
      <MessageBarActions>
        {consentable.length > 0 && (
          <Button appearance="primary" disabled={granting} onClick={() => void grant(consentable, false)}>
            Grant consent to these {formatCount(consentable.length)}
          </Button>
        )}
        {repairable.length > 0 && (
          <Button disabled={granting} onClick={() => void grant(repairable, true)}>
            Repair {formatCount(repairable.length)}
          </Button>
        )}
        {elsewhere.length > 0 && <Button onClick={() => useSamDeskStore.getState().openCustomerConsent('main')}>Open Customer consent</Button>}
      </MessageBarActions>
    </MessageBar>
  );
}
