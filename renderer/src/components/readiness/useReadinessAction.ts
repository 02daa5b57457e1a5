import { useToastController } from '@fluentui/react-components';
import type { ReadinessAction } from '../../../../electron/ipc/readiness';
import { useSamDeskStore } from '../../store';
import { TOASTER_ID } from '../../toaster';
import { readinessToast } from './readinessToast';

/**
 * What a verdict's fix button does for one customer: check it again; grant or repair its consent
 * through Partner Center (main asks to confirm) and then check it again; or, for a customer Partner
 * Center cannot consent, open the consent screen with its admin-consent link.
 */
export function useReadinessAction(customerTenantId: string): (action: ReadinessAction) => Promise<void> {
  const { dispatchToast } = useToastController(TOASTER_ID);
  return async (action) => {
    const store = useSamDeskStore.getState();
    if (action === 'check-access') return store.checkCustomerAccess(customerTenantId);
    if (action !== 'grant-consent' && action !== 'repair-consent') return;
    const customer = store.customers.find((candidate) => candidate.tenantId === customerTenantId);
    if (customer && !customer.inPartnerCenter) return store.openCustomerConsent('main');
    const [result] = await store.grantCustomerConsent([customerTenantId], { repair: action === 'repair-consent' });
    const error = useSamDeskStore.getState().customerConsentError;
    if (!result) {
      if (error && error.kind !== 'cancelled') dispatchToast(readinessToast('Consent was not granted', error.message), { intent: 'error' });
      return;
    }
    if (result.status !== 'consented') {
      dispatchToast(readinessToast('Consent was not granted', result.error?.message ?? 'Partner Center did not grant it.'), { intent: 'error' });
      return;
    }
    dispatchToast(readinessToast('Consent granted', 'Checking this customer again…'), { intent: 'success' });
    await store.checkCustomerAccess(customerTenantId);
  };
}
