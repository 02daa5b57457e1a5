/**
 * Azure resources of the seeded partner: one subscription and, in it, one key vault (RBAC
 * permission model) on which the seeded admin holds Key Vault Secrets Officer, as a partner who
 * keeps the SAM refresh token in Key Vault would set it up
 * (https://learn.microsoft.com/azure/key-vault/general/rbac-guide).
 */
import { Prng } from './prng';
import type { SimState } from './state';

export const SEEDED_VAULT_NAME = 'northwind-sam-kv';

export function seedAzure(state: SimState, seed: number): void {
  // Its own sequence, so adding Azure resources does not shift the ids of anything seeded before.
  const prng = new Prng(seed * 7919 + 15);
  const admin = [...state.users.values()].find((user) => user.tenantId === state.partner.id);
  const subscription = state.subscriptions.add({
    subscriptionId: prng.guid(),
    tenantId: state.partner.id,
    displayName: 'Northwind Partner – Azure plan',
    state: 'Enabled',
    readers: new Set(admin ? [admin.oid] : []),
  });
  const vault = state.keyVaults.add({
    name: SEEDED_VAULT_NAME,
    tenantId: state.partner.id,
    subscriptionId: subscription.subscriptionId,
    resourceGroup: 'rg-sam-automation',
    location: 'westeurope',
  });
  if (admin) state.keyVaults.assignRole(vault, admin.oid, 'Key Vault Secrets Officer');
  // Customers' CSP subscriptions: the partner's Admin Agents hold Owner on them, whatever the GDAP
  // roles ("This group grants owner role-based access control (RBAC) access on all Azure
  // subscriptions for that customer", https://learn.microsoft.com/partner-center/gdap-introduction).
  for (const customer of state.customers) {
    for (let n = 1; n <= (customer.azureSubscriptions ?? 0); n++) {
      state.subscriptions.add({
        subscriptionId: prng.guid(),
        tenantId: customer.id,
        displayName: n === 1 ? 'Azure plan' : `Azure plan ${n}`,
        state: 'Enabled',
        readers: new Set(admin ? [admin.oid] : []),
      });
    }
  }
}
