import { consentCategory, type ConsentCategory } from '../../../../electron/ipc/customerConsentSummary';
import type { CustomerConsent } from '../../../../electron/ipc/wizard';
import { resourceLabel } from '../accessCheck/resources';

/** What a row offers: grant (not consented), repair (stale scopes, or a consent whose scopes are unknown), the admin-consent link, or nothing. */
export type ConsentRowAction = 'grant' | 'repair' | 'link' | null;

export function rowAction(row: CustomerConsent): ConsentRowAction {
  const category = consentCategory(row);
  if (category === 'not-consented') return 'grant';
  if (category === 'needs-repair' || row.status === 'exists') return 'repair';
  if (category === 'not-through-partner-center') return row.adminConsentUrl ? 'link' : null;
  if (category === 'could-not-check' && row.inPartnerCenter) return 'grant';
  return null;
}

const fold = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** The rows a category filter and a search keep (name or tenant id, accents ignored). */
export function filterConsentRows(rows: readonly CustomerConsent[], category: ConsentCategory | 'all', query: string): CustomerConsent[] {
  const needle = fold(query.trim());
  return rows.filter((row) => (category === 'all' || consentCategory(row) === category) && (!needle || fold(row.name).includes(needle) || row.tenantId.includes(needle)));
}

/** The line under a customer's name: why it is in its category, and what works instead. */
export function rowDetail(row: CustomerConsent): string {
  switch (consentCategory(row)) {
    case 'consented':
      return row.status === 'exists'
        ? 'Partner Center already has a consent here but does not say with which permissions. Repair renews it with SAM Desk’s current ones.'
        : 'Consented: the SAM app may get tokens here.';
    case 'needs-repair':
      return `Consented, but not for ${(row.missing ?? []).map(resourceLabel).join(' and ')}: the consent was made before SAM Desk asked for them. Repair renews it.`;
    case 'not-through-partner-center':
      return 'Partner Center does not list this customer (GDAP only), so it cannot consent here. Send its Global Administrator the consent link; once they accept, the SAM app works there.';
    case 'no-access':
      return 'No DAP and no active GDAP relationship: SAM Desk cannot act here until the customer approves a GDAP relationship.';
    default:
      return [row.error?.message, row.error?.code ? `(${row.error.code})` : ''].filter(Boolean).join(' ') || 'The SAM app is not consented here.';
  }
}
