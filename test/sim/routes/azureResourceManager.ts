/**
 * Azure Resource Manager at `/arm` (https://management.azure.com): the subscriptions a user can
 * see in the token's tenant, and the key vaults in one of them.
 *
 * Subscriptions - List: https://learn.microsoft.com/rest/api/resources/subscriptions/list
 * Vaults - List By Subscription: https://learn.microsoft.com/rest/api/keyvault/keyvault/vaults/list-by-subscription
 */
import type { JWTPayload } from 'jose';
import { sendJson, type RequestContext, type Route } from '../http';
import { arm } from '../keyVaultErrors';
import type { SimVault } from '../keyVaultState';

const ARM_RESOURCE = 'https://management.azure.com';

async function authenticate(ctx: RequestContext): Promise<JWTPayload> {
  const header = /^Bearer\s+(.+)$/i.exec(ctx.req.headers.authorization ?? '');
  if (!header) throw arm.missingToken();
  let claims: JWTPayload;
  try {
    claims = await ctx.sim.tokens.verify(header[1]!, ctx.sim.clock.now());
  } catch {
    throw arm.invalidToken();
  }
  if (String(claims.aud).replace(/\/+$/, '') !== ARM_RESOURCE) throw arm.invalidToken();
  if (!ctx.url.searchParams.get('api-version')) throw arm.missingApiVersion();
  return claims;
}

async function listSubscriptions(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  const visible = ctx.sim.state.subscriptions.visibleTo(String(claims.tid), String(claims.oid));
  // An account with no Azure role anywhere gets an empty list, not a 403 (assumption; see README).
  sendJson(ctx.res, 200, {
    value: visible.map((subscription) => ({
      id: `/subscriptions/${subscription.subscriptionId}`,
      authorizationSource: 'RoleBased',
      managedByTenants: [],
      subscriptionId: subscription.subscriptionId,
      tenantId: subscription.tenantId,
      displayName: subscription.displayName,
      state: subscription.state,
      subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
    })),
    count: { type: 'Total', value: visible.length },
  });
}

function vaultResource(ctx: RequestContext, vault: SimVault) {
  const id = `/subscriptions/${vault.subscriptionId}/resourceGroups/${vault.resourceGroup}/providers/Microsoft.KeyVault/vaults/${vault.name}`;
  return {
    id,
    name: vault.name,
    type: 'Microsoft.KeyVault/vaults',
    location: vault.location,
    tags: {},
    properties: {
      sku: { family: 'A', name: 'standard' },
      tenantId: vault.tenantId,
      accessPolicies: [],
      enableRbacAuthorization: true,
      enableSoftDelete: true,
      softDeleteRetentionInDays: vault.softDeleteRetentionDays,
      // The vault's data plane here; Microsoft's vaultUri ends with a slash, as this one does.
      vaultUri: `${ctx.sim.baseUrl}/keyvault/${vault.name}/`,
      provisioningState: 'Succeeded',
      publicNetworkAccess: 'Enabled',
    },
  };
}

async function listVaults(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  const subscriptionId = (ctx.params as Record<string, string>).subscription ?? '';
  const subscription = ctx.sim.state.subscriptions.find(String(claims.tid), subscriptionId);
  if (!subscription || !subscription.readers.has(String(claims.oid))) throw arm.subscriptionNotFound(subscriptionId);
  const vaults = [...ctx.sim.state.keyVaults.vaults.values()].filter((vault) => vault.subscriptionId === subscription.subscriptionId);
  sendJson(ctx.res, 200, { value: vaults.map((vault) => vaultResource(ctx, vault)) });
}

export function azureResourceManagerRoutes(): Route[] {
  return [
    { method: 'GET', path: '/arm/subscriptions', name: 'arm list subscriptions', handler: listSubscriptions },
    { method: 'GET', path: '/arm/subscriptions/:subscription/providers/Microsoft.KeyVault/vaults', name: 'arm list key vaults', handler: listVaults },
  ];
}
