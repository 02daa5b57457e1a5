/**
 * Seeded GDAP data: the partner's security groups (the seeded admin is in some, not all), and per
 * customer zero to three relationships in every status Graph knows, following the customer's
 * position modulo 12 (the same table as seed.ts's profiles; see README "Seeded data").
 */
import { slugOf } from './names';
import type { Prng } from './prng';
import { ENDING_STATUSES, SETTING_UP_STATUSES } from './gdap';
import type { AccessAssignmentStatus, AutoExtendDuration, GdapDirectory, GdapRelationship, RelationshipStatus } from './gdap';

/**
 * Entra built-in role template ids (the `roleDefinitionId` of `unifiedRoles`), from
 * https://learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference
 */
export const ROLE = {
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  globalReader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  exchangeAdministrator: '29232cdf-9323-42fd-ade2-1d097af3e4de',
  userAdministrator: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  helpdeskAdministrator: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  cloudApplicationAdministrator: '158c047a-c907-4556-b7ef-446551a6b5f7',
} as const;

const STANDARD_ROLES = [ROLE.exchangeAdministrator, ROLE.userAdministrator, ROLE.helpdeskAdministrator, ROLE.globalReader, ROLE.cloudApplicationAdministrator];
/** A relationship that lacks Exchange Administrator (Exchange Online PowerShell needs it or a narrower Exchange role). */
const LIMITED_ROLES = [ROLE.globalReader, ROLE.helpdeskAdministrator];

// Widened to every status, so that `includes` takes any status a seed rule is given.
const NOT_YET_ACTIVE: readonly RelationshipStatus[] = SETTING_UP_STATUSES;
const ENDING: readonly RelationshipStatus[] = ENDING_STATUSES;

const DAY_MS = 24 * 3600 * 1000;
const DURATION_DAYS = 730;

type Ends = 'long' | 'soon' | 'past' | 'none';

interface Plan {
  status: RelationshipStatus;
  roles: readonly string[];
  ends: Ends;
  autoExtend?: AutoExtendDuration;
}

/** The partner-tenant groups GDAP access assignments point at; `member` says whether the seeded admin is in it. */
const GROUPS: ReadonlyArray<{ name: string; roles: readonly string[]; member: 'direct' | 'nested' | 'no' }> = [
  { name: 'GDAP Exchange Administrators', roles: [ROLE.exchangeAdministrator], member: 'direct' },
  { name: 'GDAP Helpdesk', roles: [ROLE.helpdeskAdministrator, ROLE.userAdministrator], member: 'nested' },
  { name: 'GDAP Readers', roles: [ROLE.globalReader], member: 'direct' },
  { name: 'GDAP Application Administrators', roles: [ROLE.cloudApplicationAdministrator], member: 'direct' },
  { name: 'GDAP Global Administrators (break glass)', roles: [ROLE.globalAdministrator], member: 'no' },
];
const NESTING_GROUP = 'Tier 1 technicians';

/** Group ids by the roles they receive, for the access assignments. */
export interface PartnerGroups {
  forRoles: Array<{ groupId: string; roles: readonly string[] }>;
  /** The group that receives the roles a customers file names (`gdapRoles`); the admin is a direct member. */
  explicit?: string;
}

/** The group for customers-file roles, made only when a file names some (its own ids: the seeded ones do not shift). */
export function seedExplicitRoleGroup(gdap: GdapDirectory, prng: Prng, adminOid: string): string {
  const id = prng.guid();
  gdap.addGroup({ id, displayName: 'GDAP roles from the customers file', members: [adminOid] });
  return id;
}

export function seedPartnerGroups(gdap: GdapDirectory, prng: Prng, adminOid: string): PartnerGroups {
  const technicians = { id: prng.guid(), displayName: NESTING_GROUP, members: [adminOid] };
  gdap.addGroup(technicians);
  const forRoles: PartnerGroups['forRoles'] = [];
  for (const group of GROUPS) {
    const id = prng.guid();
    const members = group.member === 'direct' ? [adminOid] : group.member === 'nested' ? [technicians.id] : [];
    gdap.addGroup({ id, displayName: group.name, members });
    forRoles.push({ groupId: id, roles: group.roles });
  }
  return { forRoles };
}

/** When a relationship in this status ends: not yet (never activated), in the past, or still ahead. */
function endsFor(status: RelationshipStatus): Ends {
  if (NOT_YET_ACTIVE.includes(status)) return 'none';
  return status === 'terminated' || status === 'expired' ? 'past' : 'long';
}

/** Which relationships a customer has, by its position; `round` rotates the less common statuses. */
function plansFor(index: number, relationship: 'DAP' | 'GDAP'): Plan[] {
  const round = Math.floor(index / 12);
  const gdapProfile = [1, 2, 3, 5, 7, 10].includes(index % 12);
  if (relationship === 'GDAP' && !gdapProfile) return [{ status: 'active', roles: STANDARD_ROLES, ends: 'long' }];
  if (relationship === 'DAP' && gdapProfile) return [];
  switch (index % 12) {
    case 1:
    case 3:
      return [{ status: 'active', roles: STANDARD_ROLES, ends: 'long' }];
    case 2:
      return [{ status: 'expired', roles: STANDARD_ROLES, ends: 'past' }];
    case 5: {
      const third = [...NOT_YET_ACTIVE, ...ENDING][round % 7]!;
      return [
        { status: 'expired', roles: LIMITED_ROLES, ends: 'past' },
        { status: 'active', roles: STANDARD_ROLES, ends: 'long', autoExtend: 'P180D' },
        { status: third, roles: [...STANDARD_ROLES, ROLE.globalAdministrator], ends: endsFor(third) },
      ];
    }
    case 6:
      return [{ status: NOT_YET_ACTIVE[round % NOT_YET_ACTIVE.length]!, roles: STANDARD_ROLES, ends: 'none' }];
    case 7:
      return [{ status: 'expiring', roles: STANDARD_ROLES, ends: 'soon' }];
    case 9:
      // Global Administrator: such relationships cannot auto-extend.
      return [{ status: 'active', roles: [ROLE.globalAdministrator], ends: 'long' }];
    case 10:
      return [
        { status: 'active', roles: LIMITED_ROLES, ends: 'long' },
        { status: 'terminated', roles: STANDARD_ROLES, ends: 'past' },
      ];
    case 11:
      return [{ status: 'terminated', roles: STANDARD_ROLES, ends: 'past' }];
    default:
      return [];
  }
}

function endOf(ends: Ends, prng: Prng, nowMs: number): number | null {
  if (ends === 'none') return null;
  if (ends === 'soon') return nowMs + (1 + prng.int(20)) * DAY_MS;
  if (ends === 'past') return nowMs - (10 + prng.int(200)) * DAY_MS;
  return nowMs + (30 + prng.int(600)) * DAY_MS;
}

function assignmentStatus(status: RelationshipStatus): AccessAssignmentStatus | undefined {
  if (status === 'active' || status === 'expiring' || status === 'terminationRequested') return 'active';
  if (status === 'terminating') return 'deleting';
  if (status === 'expired' || status === 'terminated') return 'deleted';
  return undefined; // not activated yet: no access assignments
}

export interface SeededCustomer {
  id: string;
  displayName: string;
  relationship: 'DAP' | 'GDAP';
}

/**
 * A customer's relationships: by its position, or (`explicitRoles`, from a customers file) one active
 * relationship carrying exactly those roles, all given to the admin's group; none for an empty list.
 */
export function seedRelationships(
  gdap: GdapDirectory,
  groups: PartnerGroups,
  customer: SeededCustomer,
  index: number,
  prng: Prng,
  nowMs: number,
  explicitRoles?: readonly string[],
): void {
  const slug = (slugOf(customer.displayName) || 'customer').slice(0, 30);
  const plans: Plan[] = explicitRoles
    ? explicitRoles.length > 0 ? [{ status: 'active', roles: explicitRoles, ends: 'long' }] : []
    : plansFor(index, customer.relationship);
  plans.forEach((plan, n) => {
    const endMs = endOf(plan.ends, prng, nowMs);
    const activatedMs = endMs === null ? null : endMs - DURATION_DAYS * DAY_MS;
    const createdMs = activatedMs === null ? nowMs - (1 + prng.int(20)) * DAY_MS : activatedMs - DAY_MS;
    const relationship: GdapRelationship = {
      id: `${prng.guid()}-${prng.guid()}`,
      displayName: `GDAP_${slug}_${index}${n > 0 ? `_${n + 1}` : ''}`,
      customerTenantId: customer.id,
      customerDisplayName: customer.displayName,
      status: plan.status,
      durationDays: DURATION_DAYS,
      autoExtendDuration: plan.autoExtend ?? 'PT0S',
      createdMs,
      activatedMs,
      endMs,
      roles: [...plan.roles],
    };
    gdap.addRelationship(relationship);
    const status = assignmentStatus(plan.status);
    if (!status || activatedMs === null) return;
    if (explicitRoles && groups.explicit) {
      gdap.addAssignment({ id: prng.guid(), relationshipId: relationship.id, groupId: groups.explicit, roles: [...plan.roles], status, createdMs: activatedMs + 3600_000 });
      return;
    }
    for (const group of groups.forRoles) {
      const roles = group.roles.filter((role) => plan.roles.includes(role));
      if (roles.length === 0) continue;
      // Now and then an assignment failed to provision: its group gets nothing in that customer.
      const failed = index % 12 === 1 && Math.floor(index / 12) % 5 === 2 && roles.includes(ROLE.exchangeAdministrator);
      gdap.addAssignment({
        id: prng.guid(),
        relationshipId: relationship.id,
        groupId: group.groupId,
        roles,
        status: failed ? 'error' : status,
        createdMs: activatedMs + 3600_000,
      });
    }
  });
}
