import { describe, expect, it } from 'vitest';
import { confirmations } from '../../electron/core/app/confirmations';

describe('the customer-consent confirmation main shows', () => {
  it('asks once for many customers, naming three and counting the rest', () => {
    const asked = confirmations.grantCustomerConsent(['Contoso', 'Fabrikam', 'Tailspin', 'Litware', 'Adatum']);
    expect(asked.message).toBe('Consent the SAM app in 5 customer tenants “Contoso”, “Fabrikam”, “Tailspin” and 2 more?');
    expect(asked.confirmLabel).toBe('Grant consent in 5 tenants');
  });

  it('writes large counts as the window does, with a thousands separator', () => {
    const names = Array.from({ length: 1_234 }, (_, index) => `Customer ${index + 1}`);
    const asked = confirmations.grantCustomerConsent(names);
    expect(asked.message).toBe('Consent the SAM app in 1,234 customer tenants “Customer 1”, “Customer 2”, “Customer 3” and 1,231 more?');
    expect(asked.confirmLabel).toBe('Grant consent in 1,234 tenants');
  });

  it('says that Repair removes the existing consent before granting it again', () => {
    const asked = confirmations.grantCustomerConsent(['Contoso'], { repair: true });
    expect(asked).toMatchObject({ title: 'Repair customer consent', confirmLabel: 'Repair consent' });
    expect(asked.message).toBe("Remove the SAM app's consent in the customer tenant “Contoso” and grant it again with SAM Desk's current permissions?");
    expect(asked.detail).toMatch(/deletes each existing consent, then adds the SAM app again/);
  });
});
