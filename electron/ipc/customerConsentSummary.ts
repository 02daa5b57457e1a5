/**
 * The customer-consent screen's categories, counted so they always add up to the total (a row is
 * in exactly one), and the finding each row gives the readiness model. Pure; shared by the window
 * and main.
 */
import type { CustomerConsent } from './wizard';
import type { ConsentFinding } from './readiness';

export type ConsentCategory = 'consented' | 'needs-repair' | 'not-consented' | 'not-through-partner-center' | 'no-access' | 'could-not-check';

/** Each category's words, in the order the screen lists them; a Record, so no category goes unlabelled. */
const consentCategoryLabels: Record<ConsentCategory, string> = {
  consented: 'Consented',
  'needs-repair': 'Needs repair',
  'not-consented': 'Not consented',
  'not-through-partner-center': 'Not through Partner Center',
  'no-access': 'No admin access',
  'could-not-check': 'Could not check',
};

export const consentCategories: ReadonlyArray<{ category: ConsentCategory; label: string }> = Object.entries(consentCategoryLabels).map(([category, label]) => ({
  category: category as ConsentCategory,
  label,
}));

export function consentCategory(row: CustomerConsent): ConsentCategory {
  switch (row.status) {
    case 'consented':
    case 'exists':
      return 'consented';
    case 'partial':
      return 'needs-repair';
    case 'not-consented':
      return row.inPartnerCenter ? 'not-consented' : 'not-through-partner-center';
    case 'no-access':
      return 'no-access';
    default:
      return 'could-not-check';
  }
}

export type ConsentCounts = Record<ConsentCategory, number> & { total: number };

export function countConsents(rows: readonly CustomerConsent[]): ConsentCounts {
  const counts = { total: rows.length, ...Object.fromEntries(consentCategories.map(({ category }) => [category, 0])) } as ConsentCounts;
  for (const row of rows) counts[consentCategory(row)]++;
  return counts;
}

/** What a consent row tells the readiness model; undefined when it could not tell (no access, an error). */
export function consentFinding(row: CustomerConsent, checkedAt?: string): ConsentFinding | undefined {
  const at = checkedAt ? { checkedAt } : {};
  if (row.status === 'consented' || row.status === 'exists') return { status: 'consented', ...at };
  if (row.status === 'partial') return { status: 'partial', missing: row.missing ?? [], ...at };
  if (row.status === 'not-consented') return { status: 'not-consented', ...at };
  return undefined;
}
