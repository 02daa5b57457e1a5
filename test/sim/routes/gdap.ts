/**
 * Microsoft Graph's GDAP surface: delegatedAdminRelationships (every status, several per customer),
 * their accessAssignments, delegatedAdminCustomers, and the signed-in partner user's groups.
 * https://learn.microsoft.com/graph/api/resources/delegatedadminrelationship
 */
import type { AccessAssignment, GdapRelationship, SecurityGroup } from '../gdap';
import { type RequestContext, type Route, sendJson } from '../http';
import { authenticate, graphError, page, requirePartnerTenant } from './graph';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function relationshipJson(ctx: RequestContext, relationship: GdapRelationship) {
  const now = ctx.sim.clock.nowMs();
  return {
    id: relationship.id,
    displayName: relationship.displayName,
    duration: `P${relationship.durationDays}D`,
    status: ctx.sim.state.gdap.statusAt(relationship, now),
    autoExtendDuration: relationship.autoExtendDuration,
    createdDateTime: iso(relationship.createdMs),
    activatedDateTime: iso(relationship.activatedMs),
    lastModifiedDateTime: iso(relationship.activatedMs ?? relationship.createdMs),
    endDateTime: iso(ctx.sim.state.gdap.endAt(relationship, now)),
    customer: { tenantId: relationship.customerTenantId, displayName: relationship.customerDisplayName },
    accessDetails: { unifiedRoles: relationship.roles.map((roleDefinitionId) => ({ roleDefinitionId })) },
  };
}

function assignmentJson(assignment: AccessAssignment) {
  return {
    id: assignment.id,
    status: assignment.status,
    createdDateTime: iso(assignment.createdMs),
    lastModifiedDateTime: iso(assignment.createdMs),
    accessContainer: { accessContainerId: assignment.groupId, accessContainerType: 'securityGroup' },
    accessDetails: { unifiedRoles: assignment.roles.map((roleDefinitionId) => ({ roleDefinitionId })) },
  };
}

function groupJson(group: SecurityGroup) {
  return { '@odata.type': '#microsoft.graph.group', id: group.id, displayName: group.displayName, securityEnabled: true, mailEnabled: false, groupTypes: [] };
}

/** The two filters partner tools use (CIPP: `status eq 'active'`); others are refused, not ignored. */
function relationshipFilter(ctx: RequestContext): ((relationship: GdapRelationship) => boolean) | undefined {
  const filter = ctx.url.searchParams.get('$filter');
  if (!filter) return undefined;
  const now = ctx.sim.clock.nowMs();
  const status = /^\s*status\s+eq\s+'([A-Za-z]+)'\s*$/.exec(filter);
  if (status) return (relationship) => ctx.sim.state.gdap.statusAt(relationship, now) === status[1];
  const customer = /^\s*customer\/tenantId\s+eq\s+'([0-9a-fA-F-]{36})'\s*$/.exec(filter);
  if (customer) return (relationship) => relationship.customerTenantId === customer[1]!.toLowerCase();
  throw graphError(ctx, 400, 'BadRequest', `The simulated cloud supports only status eq '…' and customer/tenantId eq '…' in $filter, not: ${filter}`);
}

/**
 * Customers with at least one usable (active or expiring) relationship: "deleted when no more active
 * relationships exist" (https://learn.microsoft.com/graph/api/resources/delegatedadmincustomer).
 */
async function delegatedAdminCustomers(ctx: RequestContext): Promise<void> {
  requirePartnerTenant(ctx, await authenticate(ctx));
  const now = ctx.sim.clock.nowMs();
  const all = ctx.sim.state.customers
    .filter((c) => ctx.sim.state.gdap.hasUsableRelationship(c.id, now))
    .map((c) => ({ id: c.id, tenantId: c.id, displayName: c.displayName }));
  sendJson(ctx.res, 200, page(ctx, all, 'tenantRelationships/delegatedAdminCustomers', 100, 300));
}

async function listRelationships(ctx: RequestContext): Promise<void> {
  requirePartnerTenant(ctx, await authenticate(ctx));
  const keep = relationshipFilter(ctx);
  const all = keep ? ctx.sim.state.gdap.all().filter(keep) : ctx.sim.state.gdap.all();
  // Only the page's own relationships are turned into JSON (10,000 customers have about as many).
  const body = page(ctx, all as GdapRelationship[], 'tenantRelationships/delegatedAdminRelationships', 100, 300);
  sendJson(ctx.res, 200, { ...body, value: (body.value as GdapRelationship[]).map((relationship) => relationshipJson(ctx, relationship)) });
}

function findRelationship(ctx: RequestContext): GdapRelationship {
  const relationship = ctx.sim.state.gdap.find(ctx.params.id.toLowerCase());
  if (!relationship) throw graphError(ctx, 404, 'Request_ResourceNotFound', `Resource '${ctx.params.id}' does not exist.`);
  return relationship;
}

async function getRelationship(ctx: RequestContext): Promise<void> {
  requirePartnerTenant(ctx, await authenticate(ctx));
  sendJson(ctx.res, 200, {
    '@odata.context': `${ctx.sim.baseUrl}/graph/v1.0/$metadata#tenantRelationships/delegatedAdminRelationships/$entity`,
    ...relationshipJson(ctx, findRelationship(ctx)),
  });
}

async function listAccessAssignments(ctx: RequestContext): Promise<void> {
  requirePartnerTenant(ctx, await authenticate(ctx));
  const relationship = findRelationship(ctx);
  const all = ctx.sim.state.gdap.assignmentsOf(relationship.id).map(assignmentJson);
  sendJson(ctx.res, 200, page(ctx, all, `tenantRelationships/delegatedAdminRelationships('${relationship.id}')/accessAssignments`, 100, 300));
}

/**
 * `/me/memberOf` (direct, https://learn.microsoft.com/graph/api/user-list-memberof) and
 * `/me/transitiveMemberOf` (nested too, https://learn.microsoft.com/graph/api/user-list-transitivememberof).
 */
async function myGroups(ctx: RequestContext, transitive: boolean): Promise<void> {
  const claims = await authenticate(ctx);
  requirePartnerTenant(ctx, claims);
  const all = ctx.sim.state.gdap.groupsOf(String(claims.oid), transitive).map(groupJson);
  sendJson(ctx.res, 200, page(ctx, all, 'directoryObjects', 100, 999));
}

export function gdapRoutes(): Route[] {
  const base = '/graph/v1.0/tenantRelationships';
  return [
    { method: 'GET', path: `${base}/delegatedAdminCustomers`, name: 'graph delegatedAdminCustomers', handler: delegatedAdminCustomers },
    { method: 'GET', path: `${base}/delegatedAdminRelationships`, name: 'graph delegatedAdminRelationships', handler: listRelationships },
    { method: 'GET', path: `${base}/delegatedAdminRelationships/:id`, name: 'graph delegatedAdminRelationship', handler: getRelationship },
    { method: 'GET', path: `${base}/delegatedAdminRelationships/:id/accessAssignments`, name: 'graph accessAssignments', handler: listAccessAssignments },
    { method: 'GET', path: '/graph/v1.0/me/memberOf', name: 'graph memberOf', handler: (ctx) => myGroups(ctx, false) },
    { method: 'GET', path: '/graph/v1.0/me/memberOf/microsoft.graph.group', name: 'graph memberOf', handler: (ctx) => myGroups(ctx, false) },
    { method: 'GET', path: '/graph/v1.0/me/transitiveMemberOf', name: 'graph transitiveMemberOf', handler: (ctx) => myGroups(ctx, true) },
    { method: 'GET', path: '/graph/v1.0/me/transitiveMemberOf/microsoft.graph.group', name: 'graph transitiveMemberOf', handler: (ctx) => myGroups(ctx, true) },
  ];
}
