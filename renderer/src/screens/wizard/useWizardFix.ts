import type { FixAction } from '../../../../electron/ipc/errors';
import { useSamDeskStore } from '../../store';

const PARTNER_CENTER_CUSTOMERS = 'https://partner.microsoft.com/dashboard/commerce2/customers';

/** What each error's remedy button does inside the wizard. */
export function useWizardFix(onRetry?: () => void): (fix: FixAction) => void {
  return (fix) => {
    const store = useSamDeskStore.getState();
    store.dismissWizardError();
    switch (fix) {
      case 're-consent':
        return store.goToStep(3);
      case 'system-browser':
        store.updateDraft({ browser: 'system' });
        return store.goToStep(3);
      case 'check-app':
        return store.goToStep(2);
      case 're-enter-secret':
        return store.reenterSecret();
      case 'check-tenant':
        return store.goToStep(1);
      case 'grant-customer-consent':
        return store.openCustomerConsent('wizard');
      case 'check-relationship':
        window.open(PARTNER_CENTER_CUSTOMERS, '_blank', 'noopener');
        return;
      default:
        return onRetry?.();
    }
  };
}
