/**
 * The customer list's readiness filters ("Exchange not ready", "Not consented", "GDAP ending within
 * 30 days", …): one rule each, shared by the window and the CLI. Pure; 10,000 customers × a few
 * modules is a few milliseconds.
 */
import type { CustomerTenant } from '../ipc/customers';
import { bestRelationship, givesAccess } from '../ipc/relationships';
import type { SnippetModule } from '../ipc/schemas';
import type { ConsentFinding, CustomerProbe } from '../ipc/readiness';
import { EXPIRING_WITHIN_DAYS, judgeReadiness } from './readiness';

export type CustomerFilter =
  | 'all'
  | 'exchange-not-ready'
  | 'graph-not-ready'
  | 'az-not-ready'
  | 'partnercenter-not-ready'
  | 'not-consented'
  | 'gdap-ending'
  | 'no-admin-access'
  | 'not-checked';

export const customerFilters: ReadonlyArray<{ filter: CustomerFilter; label: string }> = [
  { filter: 'all', label: 'All customers' },
  { filter: 'exchange-not-ready', label: 'Exchange Online not ready' },
  { filter: 'graph-not-ready', label: 'Microsoft Graph not ready' },
  { filter: 'az-not-ready', label: 'Azure not ready' },
  { filter: 'partnercenter-not-ready', label: 'Partner Center not ready' },
  { filter: 'not-consented', label: 'Not consented' },
  { filter: 'gdap-ending', label: `GDAP ending within ${EXPIRING_WITHIN_DAYS} days` },
  { filter: 'no-admin-access', label: 'No admin access' },
  { filter: 'not-checked', label: 'Not checked yet' },
];

const moduleOf: Partial<Record<CustomerFilter, SnippetModule>> = {
  'exchange-not-ready': 'exchange',
  'graph-not-ready': 'graph',
  'az-not-ready': 'az',
  'partnercenter-not-ready': 'partnercenter',
};

/** What SAM Desk knows per customer besides the list itself. */
export interface CustomerKnowledge {
  probes: Readonly<Record<string, CustomerProbe>>;
  consents?: Readonly<Record<string, ConsentFinding>>;
}

export function matchesFilter(filter: CustomerFilter, customer: CustomerTenant, knowledge: CustomerKnowledge, nowMs: number): boolean {
  const probe = knowledge.probes[customer.tenantId];
  const consent = knowledge.consents?.[customer.tenantId];
  const module = moduleOf[filter];
  if (module) return judgeReadiness({ customer, module, probe, consent, nowMs }).readiness === 'not-ready';
  switch (filter) {
    case 'all':
      return true;
    case 'not-consented':
      return (
        (consent !== undefined && consent.status !== 'consented') ||
        Object.values(probe?.results ?? {}).some((outcome) => outcome?.status === 'failed' && outcome.problem === 'not-consented')
      );
    case 'gdap-ending': {
      const best = bestRelationship(customer.relationships.filter((relationship) => givesAccess(relationship, nowMs)), nowMs);
      return !!best?.endsAt && !best.autoExtends && Date.parse(best.endsAt) - nowMs <= EXPIRING_WITHIN_DAYS * 24 * 3600 * 1000;
    }
    case 'no-admin-access': {
      const dap = customer.dap !== 'unknown' ? customer.dap : probe?.dap;
      const refused = Object.values(probe?.results ?? {}).some((outcome) => outcome?.status === 'failed' && outcome.problem === 'no-access');
      return refused || (dap === 'no' && !customer.relationships.some((relationship) => givesAccess(relationship, nowMs)));
    }
    case 'not-checked':
      return probe === undefined;
    default:
      return true;
  }
}

/** Every filter that keeps this customer; the window indexes them once per list and check, not per keystroke. */
export function filtersOf(customer: CustomerTenant, knowledge: CustomerKnowledge, nowMs: number): CustomerFilter[] {
  return customerFilters.map(({ filter }) => filter).filter((filter) => matchesFilter(filter, customer, knowledge, nowMs));
}

export function filterByReadiness(customers: readonly CustomerTenant[], filter: CustomerFilter, knowledge: CustomerKnowledge, nowMs: number): CustomerTenant[] {
  if (filter === 'all') return customers as CustomerTenant[];
  return customers.filter((customer) => matchesFilter(filter, customer, knowledge, nowMs));
}

/** How many customers each filter keeps, for the filter menu. */
export function countByFilter(customers: readonly CustomerTenant[], knowledge: CustomerKnowledge, nowMs: number): Record<CustomerFilter, number> {
  const counts = Object.fromEntries(customerFilters.map(({ filter }) => [filter, 0])) as Record<CustomerFilter, number>;
  for (const customer of customers) for (const { filter } of customerFilters) if (matchesFilter(filter, customer, knowledge, nowMs)) counts[filter]++;
  return counts;
}
