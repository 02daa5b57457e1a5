/**
 * GDAP as Microsoft Graph models it: delegated admin relationships per customer (several each, in
 * every status), the Entra roles each one carries, access assignments that grant some of those
 * roles to security groups of the partner tenant, and which partner users are in which group.
 *
 * https://learn.microsoft.com/graph/api/resources/delegatedadminrelationship
 * https://learn.microsoft.com/graph/api/resources/delegatedadminaccessassignment
 * https://learn.microsoft.com/graph/api/resources/delegatedadminaccesscontainer
 */

/**
 * Graph's delegatedAdminRelationshipStatus, without the `unknownFutureValue` sentinel, by where a
 * relationship is in its life: being set up (created, sent for approval, approved, activating),
 * live, or ended by time or by termination. Written out from Graph's reference, not taken from the
 * app's contract: the simulator must not agree with the app by construction (a status the app
 * forgot is one the simulator still sends).
 */
export const SETTING_UP_STATUSES = ['created', 'approvalPending', 'approved', 'activating'] as const;
export const ENDING_STATUSES = ['terminationRequested', 'terminating', 'terminated'] as const;
export const RELATIONSHIP_STATUSES = [...SETTING_UP_STATUSES, 'active', 'expiring', 'expired', ...ENDING_STATUSES] as const;
export type RelationshipStatus = (typeof RELATIONSHIP_STATUSES)[number];

/** Graph's delegatedAdminAccessAssignmentStatus. */
export type AccessAssignmentStatus = 'pending' | 'active' | 'deleting' | 'deleted' | 'error';

/** `PT0S` (the default) and `P0D` mean "ends at endDateTime"; `P180D` extends it by 180 days each time. */
export type AutoExtendDuration = 'PT0S' | 'P0D' | 'P180D';

export interface GdapRelationship {
  id: string;
  displayName: string;
  customerTenantId: string;
  customerDisplayName: string;
  /** The status as set; what Graph reports also follows the clock (`statusAt`). */
  status: RelationshipStatus;
  durationDays: number;
  autoExtendDuration: AutoExtendDuration;
  createdMs: number;
  /** Null until the customer approves and the system activates it. */
  activatedMs: number | null;
  /** activatedDateTime + duration; for a terminated one, when it was terminated. Null before activation. */
  endMs: number | null;
  /** Entra built-in role definition ids (`accessDetails.unifiedRoles`). */
  roles: string[];
}

export interface AccessAssignment {
  id: string;
  relationshipId: string;
  /** `accessContainer.accessContainerId`: a security group of the partner tenant. */
  groupId: string;
  /** A subset of the relationship's roles. */
  roles: string[];
  status: AccessAssignmentStatus;
  createdMs: number;
}

export interface SecurityGroup {
  id: string;
  displayName: string;
  /** User object ids and ids of nested groups. */
  members: string[];
}

const DAY_MS = 24 * 3600 * 1000;
const USABLE: ReadonlySet<RelationshipStatus> = new Set(['active', 'expiring']);

export class GdapDirectory {
  private readonly relationships: GdapRelationship[] = [];
  private readonly byId = new Map<string, GdapRelationship>();
  private readonly byCustomer = new Map<string, GdapRelationship[]>();
  private readonly assignmentsByRelationship = new Map<string, AccessAssignment[]>();
  private readonly groupsById = new Map<string, SecurityGroup>();

  addRelationship(relationship: GdapRelationship): void {
    this.relationships.push(relationship);
    this.byId.set(relationship.id, relationship);
    const ofCustomer = this.byCustomer.get(relationship.customerTenantId) ?? [];
    ofCustomer.push(relationship);
    this.byCustomer.set(relationship.customerTenantId, ofCustomer);
  }

  addAssignment(assignment: AccessAssignment): void {
    const list = this.assignmentsByRelationship.get(assignment.relationshipId) ?? [];
    list.push(assignment);
    this.assignmentsByRelationship.set(assignment.relationshipId, list);
  }

  addGroup(group: SecurityGroup): void {
    this.groupsById.set(group.id, group);
  }

  all(): readonly GdapRelationship[] {
    return this.relationships;
  }

  find(id: string): GdapRelationship | undefined {
    return this.byId.get(id);
  }

  ofCustomer(tenantId: string): readonly GdapRelationship[] {
    return this.byCustomer.get(tenantId) ?? [];
  }

  assignmentsOf(relationshipId: string): readonly AccessAssignment[] {
    return this.assignmentsByRelationship.get(relationshipId) ?? [];
  }

  groups(): readonly SecurityGroup[] {
    return [...this.groupsById.values()];
  }

  /**
   * The end date as Graph reports it at `nowMs`: a `P180D` relationship that reached its end has
   * been extended by 180 days as often as needed (the documented meaning of autoExtendDuration;
   * when exactly Microsoft extends is an assumption).
   */
  endAt(relationship: GdapRelationship, nowMs: number): number | null {
    const { endMs } = relationship;
    if (endMs === null || relationship.autoExtendDuration !== 'P180D' || !USABLE.has(relationship.status) || endMs > nowMs) return endMs;
    const step = 180 * DAY_MS;
    return endMs + Math.ceil((nowMs - endMs + 1) / step) * step;
  }

  /** The status Graph reports at `nowMs`: an active or expiring relationship past its end has expired. */
  statusAt(relationship: GdapRelationship, nowMs: number): RelationshipStatus {
    const end = this.endAt(relationship, nowMs);
    if (USABLE.has(relationship.status) && end !== null && end <= nowMs) return 'expired';
    return relationship.status;
  }

  /** Admin access flows through it: `active` or `expiring`, and its end date has not passed. */
  isUsable(relationship: GdapRelationship, nowMs: number): boolean {
    return USABLE.has(this.statusAt(relationship, nowMs));
  }

  hasUsableRelationship(customerTenantId: string, nowMs: number): boolean {
    return this.ofCustomer(customerTenantId).some((relationship) => this.isUsable(relationship, nowMs));
  }

  /** Groups the member belongs to: directly (`/me/memberOf`) or also through nested groups (`/me/transitiveMemberOf`). */
  groupsOf(memberId: string, transitive: boolean): SecurityGroup[] {
    const found = new Map<string, SecurityGroup>();
    const visit = (id: string) => {
      for (const group of this.groupsById.values()) {
        if (!group.members.includes(id) || found.has(group.id)) continue;
        found.set(group.id, group);
        if (transitive) visit(group.id);
      }
    };
    visit(memberId);
    return [...found.values()];
  }

  /**
   * The Entra roles a partner user holds in a customer tenant: those of active access assignments
   * on usable relationships, given to a group the user is in ("Once it's active, the members of the
   * access container get access to the roles specified in the access details").
   */
  rolesHeld(userOid: string, customerTenantId: string, nowMs: number): Set<string> {
    const groups = new Set(this.groupsOf(userOid, true).map((group) => group.id));
    const roles = new Set<string>();
    for (const relationship of this.ofCustomer(customerTenantId)) {
      if (!this.isUsable(relationship, nowMs)) continue;
      for (const assignment of this.assignmentsOf(relationship.id)) {
        if (assignment.status !== 'active' || !groups.has(assignment.groupId)) continue;
        for (const role of assignment.roles) if (relationship.roles.includes(role)) roles.add(role);
      }
    }
    return roles;
  }

  holdsRole(userOid: string, customerTenantId: string, roleDefinitionId: string, nowMs: number): boolean {
    return this.rolesHeld(userOid, customerTenantId, nowMs).has(roleDefinitionId);
  }
}
