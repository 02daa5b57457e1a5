/**
 * Which Entra roles a partner user holds in a tenant, the way Microsoft's APIs in that tenant see
 * it: in the partner tenant the seeded admin is a Global Administrator; in a customer tenant, DAP
 * makes the partner's Admin Agents Global Administrators there ("Partners who manage Azure no longer
 * receive the Global Admin role", said of GDAP in https://learn.microsoft.com/partner-center/gdap-introduction),
 * and GDAP gives the roles of active access assignments to groups the user is in (gdap.ts rolesHeld).
 */
import { ROLE } from './gdapSeed';
import type { SimState } from './state';

function rolesInTenant(state: SimState, userOid: string, tenantId: string, nowMs: number): Set<string> {
  const user = state.users.get(userOid);
  if (!user) return new Set();
  if (user.tenantId === tenantId) return new Set([ROLE.globalAdministrator]);
  const customer = state.customersById.get(tenantId);
  if (!customer || user.tenantId !== state.partner.id) return new Set();
  const roles = state.gdap.rolesHeld(userOid, tenantId, nowMs);
  if (customer.relationship === 'DAP') roles.add(ROLE.globalAdministrator);
  return roles;
}

/** Whether the user holds any of `roleIds` in the tenant. */
export function holdsAnyRole(state: SimState, userOid: string, tenantId: string, roleIds: readonly string[], nowMs: number): boolean {
  const held = rolesInTenant(state, userOid, tenantId, nowMs);
  return roleIds.some((role) => held.has(role));
}
