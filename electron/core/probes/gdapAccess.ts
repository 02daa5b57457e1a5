/**
 * Which Entra roles the signed-in admin holds in a customer through GDAP: a relationship's roles
 * reach only the members of the security groups its active access assignments name ("Once it's
 * active, the members of the access container get access to the roles specified in the access
 * details", https://learn.microsoft.com/graph/api/resources/delegatedadminaccessassignment).
 * Read from the partner tenant's Graph: the admin's groups once (/me/transitiveMemberOf), then each
 * usable relationship's access assignments.
 */
import type { CloudEndpoints } from '../../shared/cloud';
import type { HttpClient } from '../http/httpClient';
import type { Relationship } from '../../ipc/customers';
import type { GdapRoleAccess } from '../../ipc/readiness';
import { fetchGraphCollection } from '../tenants/sources';

/** An access assignment as Graph lists it (delegatedAdminAccessAssignment). */
export interface AccessAssignment {
  status?: string;
  accessContainer?: { accessContainerId?: string; accessContainerType?: string };
  accessDetails?: { unifiedRoles?: Array<{ roleDefinitionId?: string }> };
}

/** Every item of a Graph collection, page after page. */
async function collect<T>(http: HttpClient, url: string, partnerGraphToken: string, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  await fetchGraphCollection<T>(http, url, partnerGraphToken, (page) => items.push(...page), signal);
  return items;
}

/** The ids of every group the signed-in admin is in, nested ones included (https://learn.microsoft.com/graph/api/user-list-transitivememberof). */
export async function fetchMyGroupIds(http: HttpClient, cloud: CloudEndpoints, partnerGraphToken: string, signal?: AbortSignal): Promise<Set<string>> {
  const groups = await collect<{ id?: string }>(http, `${cloud.graphApi}/v1.0/me/transitiveMemberOf/microsoft.graph.group?$select=id&$top=999`, partnerGraphToken, signal);
  return new Set(groups.flatMap((group) => (group.id ? [group.id.toLowerCase()] : [])));
}

/** https://learn.microsoft.com/graph/api/delegatedadminrelationship-list-accessassignments */
export function fetchAccessAssignments(http: HttpClient, cloud: CloudEndpoints, partnerGraphToken: string, relationshipId: string, signal?: AbortSignal): Promise<AccessAssignment[]> {
  const url = `${cloud.graphApi}/v1.0/tenantRelationships/delegatedAdminRelationships/${encodeURIComponent(relationshipId)}/accessAssignments?$top=300`;
  return collect<AccessAssignment>(http, url, partnerGraphToken, signal);
}

/**
 * Pure: the roles the admin holds (active assignments to one of `myGroups`, limited to the
 * relationship's own roles), and those the relationships carry but give to no group of the admin's.
 */
export function rolesHeld(relationships: ReadonlyArray<Pick<Relationship, 'id' | 'roleIds'>>, assignments: ReadonlyMap<string, readonly AccessAssignment[]>, myGroups: ReadonlySet<string>): GdapRoleAccess {
  const held = new Set<string>();
  const granted = new Set<string>();
  for (const relationship of relationships) {
    const roles = new Set(relationship.roleIds.map((role) => role.toLowerCase()));
    for (const role of roles) granted.add(role);
    for (const assignment of assignments.get(relationship.id) ?? []) {
      const group = assignment.accessContainer?.accessContainerId?.toLowerCase();
      if (assignment.status !== 'active' || !group || !myGroups.has(group)) continue;
      for (const role of assignment.accessDetails?.unifiedRoles ?? []) {
        const id = role.roleDefinitionId?.toLowerCase();
        if (id && roles.has(id)) held.add(id);
      }
    }
  }
  return { heldRoleIds: [...held].sort(), notAssignedToYou: [...granted].filter((role) => !held.has(role)).sort() };
}
