import type { CustomerTenant, GdapStatus, Relationship } from '../../electron/ipc/customers';
import { givesAccess } from '../../electron/ipc/relationships';
import { formatDate } from '../../electron/ipc/dateTime';
import { formatCount } from '../../electron/ipc/counts';

/** "250 customers", "1 customer", or while searching "12 of 250". */
export function formatCustomerCount(shown: number, total: number): string {
  if (shown === total) return total === 1 ? '1 customer' : `${formatCount(total)} customers`;
  return `${formatCount(shown)} of ${formatCount(total)}`;
}

/** A GDAP relationship status in the partner admin's words (Graph's delegatedAdminRelationshipStatus). */
export const relationshipStatusLabels: Record<GdapStatus, string> = {
  created: 'Draft, not sent to the customer',
  approvalPending: 'Waiting for the customer’s approval',
  approved: 'Approved, not active yet',
  activating: 'Activating',
  active: 'Active',
  expiring: 'Expiring',
  expired: 'Expired',
  terminationRequested: 'Termination requested',
  terminating: 'Terminating',
  terminated: 'Terminated',
  unknown: 'Status unknown',
};

/** The short label a GDAP relationship badge shows, judged at `nowMs`. */
export function relationshipLabel(relationship: Relationship, nowMs: number): string {
  const ends = relationship.endsAt ? formatDate(relationship.endsAt) : null;
  if (givesAccess(relationship, nowMs)) {
    if (relationship.status === 'expiring') return ends ? `GDAP expiring ${ends}` : 'GDAP expiring';
    return ends ? `GDAP until ${ends}` : 'GDAP';
  }
  if (['created', 'approvalPending', 'approved', 'activating'].includes(relationship.status)) return 'GDAP pending';
  if (relationship.status === 'terminated') return 'GDAP terminated';
  if (relationship.status === 'terminating' || relationship.status === 'terminationRequested') return 'GDAP ending';
  if (relationship.status === 'unknown') return 'GDAP (status unknown)';
  return 'GDAP expired';
}

/**
 * Case- and accent-insensitive form for search: "Müller" is found by "muller", and text pasted from
 * Outlook or Word (curly quotes, en dashes, no-break spaces) finds the plain form and back.
 */
export function foldForSearch(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201a\u201b\u02bc\u2032\u00b4]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]/g, '-')
    .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[Øø]/g, 'o')
    .replace(/[Łł]/g, 'l')
    .toLowerCase();
}

/** One folded string per customer (name, domain, tenant id), built once per list, not per keystroke. */
export function searchKeyOf(customer: CustomerTenant): string {
  return foldForSearch(`${customer.name}\n${customer.domain}\n${customer.tenantId}`);
}

/** The words of a search, folded like the keys. */
function searchWords(query: string): string[] {
  return foldForSearch(query).split(/\s+/).filter(Boolean);
}

/** How many answers a search remembers: a word typed and deleted again, letter by letter, is answered from memory. */
const REMEMBERED_ANSWERS = 32;

/**
 * Search over one list, for typing: the last answers are kept, the same query again (a letter
 * deleted) is answered from them as the same array, and a query that only adds to a kept one (a
 * letter typed, a word added) searches that answer's customers instead of all of them.
 */
export function createCustomerSearch(customers: readonly CustomerTenant[], searchKeys: readonly string[]): (query: string) => CustomerTenant[] {
  const answers = new Map<string, { indices: number[]; found: CustomerTenant[] }>();
  return (query) => {
    const words = searchWords(query);
    if (words.length === 0) return customers as CustomerTenant[];
    const folded = words.join(' ');
    const known = answers.get(folded);
    if (known) {
      // The most recent last: the oldest answer is the one forgotten.
      answers.delete(folded);
      answers.set(folded, known);
      return known.found;
    }
    // Every word of a kept query is then in (or is) a word of this one: its answer holds this one's.
    let candidates: number[] | undefined;
    let longest = 0;
    for (const [kept, answer] of answers) {
      if (kept.length > longest && folded.startsWith(kept)) {
        candidates = answer.indices;
        longest = kept.length;
      }
    }
    const indices: number[] = [];
    const matches = (index: number) => {
      const key = searchKeys[index] ?? '';
      for (const word of words) if (!key.includes(word)) return false;
      return true;
    };
    if (candidates) {
      for (const index of candidates) if (matches(index)) indices.push(index);
    } else {
      for (let index = 0; index < customers.length; index++) if (matches(index)) indices.push(index);
    }
    const found = indices.map((index) => customers[index]!);
    answers.set(folded, { indices, found });
    if (answers.size > REMEMBERED_ANSWERS) answers.delete(answers.keys().next().value!);
    return found;
  };
}
