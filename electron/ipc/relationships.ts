/**
 * Which GDAP relationships give the partner admin access, and which of a customer's relationships
 * matters most. Shared by main (the merged list is sorted with it) and the renderer (badges,
 * summaries), so it lives beside the contract; pure.
 */
import type { GdapStatus, Relationship } from './customers';

/**
 * `active`, or `expiring` ("has passed its expiration date" while deprovisioning has not finished,
 * https://learn.microsoft.com/graph/api/resources/delegatedadminrelationship): the roles still apply.
 */
const USABLE: ReadonlySet<GdapStatus> = new Set(['active', 'expiring']);
/** Created by the partner, waiting for the customer, or being provisioned: no access yet. */
const SETTING_UP: ReadonlySet<GdapStatus> = new Set(['created', 'approvalPending', 'approved', 'activating']);

/** Admin access flows through it now: active or expiring, and its end date has not passed. */
export function givesAccess(relationship: Relationship, nowMs: number): boolean {
  return USABLE.has(relationship.status) && (relationship.endsAt === null || Date.parse(relationship.endsAt) > nowMs);
}

function rank(relationship: Relationship, nowMs: number): number {
  if (givesAccess(relationship, nowMs)) return 0;
  return SETTING_UP.has(relationship.status) ? 1 : 2;
}

const endOf = (relationship: Relationship) => (relationship.endsAt === null ? Number.NEGATIVE_INFINITY : Date.parse(relationship.endsAt));

/** Usable ones first (latest end first), then those being set up, then the ended ones (latest first). */
export function compareRelationships(nowMs: number): (a: Relationship, b: Relationship) => number {
  return (a, b) => rank(a, nowMs) - rank(b, nowMs) || endOf(b) - endOf(a) || a.name.localeCompare(b.name);
}

/** The relationship to show first: the usable one that lasts longest, else the most hopeful of the rest. */
export function bestRelationship(relationships: readonly Relationship[], nowMs: number): Relationship | undefined {
  const compare = compareRelationships(nowMs);
  let best: Relationship | undefined;
  for (const relationship of relationships) if (!best || compare(relationship, best) < 0) best = relationship;
  return best;
}
