/**
 * The delegated permissions a Secure Application Model app needs, per Microsoft API, as Microsoft
 * Graph's `requiredResourceAccess` names them (resource app id + permission id). Every resource a
 * snippet redeems a token for is here: Entra issues a token only for a resource the registration
 * lists (AADSTS650057) and only where that resource is consented (AADSTS65001). Ids are
 * Microsoft's published ones (https://learn.microsoft.com/graph/permissions-reference for Graph);
 * the names are for people. Pure: the renderer reads it too.
 */
export interface RequiredPermission {
  resourceAppId: string;
  resourceName: string;
  /** The resource URI the admin consents for, e.g. https://graph.microsoft.com. */
  resourceUri: string;
  permissionId: string;
  permission: string;
}

/** One Microsoft API the SAM app asks permissions on. */
export interface SamResource {
  resourceAppId: string;
  resourceName: string;
  resourceUri: string;
  permissions: ReadonlyArray<{ id: string; name: string }>;
  /**
   * Microsoft retired the API: asked for only so the retired snippet forms still render; a
   * registration without it is not at fault.
   */
  retired?: string;
}

export const PARTNER_CENTER_APP_ID = 'fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd';
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const EXCHANGE_ONLINE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';
export const AZURE_RESOURCE_MANAGER_APP_ID = '797f4846-ba00-4fd7-ba43-dac1f8f63013';
export const AZURE_AD_GRAPH_APP_ID = '00000002-0000-0000-c000-000000000000';
export const AZURE_KEY_VAULT_APP_ID = 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093';

/** One row of the table: the API, the URI its tokens are for, the delegated permissions asked on it (id → name). */
function api(resourceAppId: string, resourceName: string, resourceUri: string, permissions: Record<string, string>, retired?: string): SamResource {
  const asked = Object.entries(permissions).map(([id, name]) => ({ id, name }));
  return { resourceAppId, resourceName, resourceUri, permissions: asked, ...(retired ? { retired } : {}) };
}

export const samResources: readonly SamResource[] = [
  api(PARTNER_CENTER_APP_ID, 'Partner Center', 'https://api.partnercenter.microsoft.com', { '1cebfa2a-fb4d-419e-b5f9-839b4383e05a': 'user_impersonation' }),
  api(GRAPH_APP_ID, 'Microsoft Graph', 'https://graph.microsoft.com', {
    '0e263e50-5827-48a4-b97c-d940288653c7': 'Directory.AccessAsUser.All',
    '0c0064ea-477b-4130-82a5-4c2cc4ff68aa': 'DelegatedAdminRelationship.Read.All',
    'e1fe6dd8-ba31-4d61-89e7-88639da4683d': 'User.Read',
    '7427e0e9-2fba-42fe-b0c0-848c9e6a8182': 'offline_access',
  }),
  // Connect-AzAccount's -AccessToken (Azure Resource Manager, "Azure Service Management").
  api(AZURE_RESOURCE_MANAGER_APP_ID, 'Azure Resource Manager', 'https://management.azure.com', { '41094075-9dad-400e-a0bd-54e686782033': 'user_impersonation' }),
  api(EXCHANGE_ONLINE_APP_ID, 'Exchange Online', 'https://outlook.office365.com', { 'ab4f2b77-0b06-4fc1-a9de-02113fc2ab7c': 'Exchange.Manage' }),
  // Publishing the refresh token to the partner's Key Vault with the token itself: no second sign-in.
  api(AZURE_KEY_VAULT_APP_ID, 'Azure Key Vault', 'https://vault.azure.net', { 'f53da476-18e3-4152-8e01-aec403e6edc0': 'user_impersonation' }),
  // Only the retired Connect-AzureAD / Connect-MsolService / Azure AD Graph snippet forms use it.
  api(AZURE_AD_GRAPH_APP_ID, 'Azure AD Graph', 'https://graph.windows.net', { 'a42657d6-7f20-40e3-b6f0-cee03008a62a': 'Directory.AccessAsUser.All' }, 'Azure AD Graph was retired in August 2025'),
];

/** The resources a working SAM app must have (the retired one is optional). */
export const requiredResources = samResources.filter((resource) => !resource.retired);

/** Every permission, flat, as `requiredResourceAccess` lists them. */
export const samPermissions: readonly RequiredPermission[] = samResources.flatMap((resource) =>
  resource.permissions.map((permission) => ({
    resourceAppId: resource.resourceAppId,
    resourceName: resource.resourceName,
    resourceUri: resource.resourceUri,
    permissionId: permission.id,
    permission: permission.name,
  })),
);

/**
 * The permissions an admin-consent grant (oauth2PermissionGrant) carries for a resource: its
 * permissions by name, without offline_access, which Entra grants with any delegated consent.
 */
export function grantScopes(resource: SamResource): string[] {
  return resource.permissions.map((permission) => permission.name).filter((name) => name !== 'offline_access');
}

export interface ResourceAccess {
  resourceAppId: string;
  resourceAccess: Array<{ id: string; type: 'Scope' | 'Role' }>;
}

/** `requiredResourceAccess` for Graph: the app's existing entries with every missing SAM permission added. */
export function withSamPermissions(existing: ResourceAccess[]): ResourceAccess[] {
  const merged = existing.map((entry) => ({ ...entry, resourceAccess: [...entry.resourceAccess] }));
  for (const needed of samPermissions) {
    let entry = merged.find((candidate) => candidate.resourceAppId === needed.resourceAppId);
    if (!entry) merged.push((entry = { resourceAppId: needed.resourceAppId, resourceAccess: [] }));
    if (!entry.resourceAccess.some((access) => access.id === needed.permissionId)) {
      entry.resourceAccess.push({ id: needed.permissionId, type: 'Scope' });
    }
  }
  return merged;
}

/** Per resource, the permissions the registration does not request. */
export function missingPermissions(existing: ResourceAccess[], resources: readonly SamResource[] = samResources) {
  return resources
    .map((resource) => {
      const entry = existing.find((candidate) => candidate.resourceAppId.toLowerCase() === resource.resourceAppId);
      const missing = resource.permissions.filter((permission) => !entry?.resourceAccess.some((access) => access.id.toLowerCase() === permission.id));
      return { resource, missing: missing.map((permission) => permission.name), listed: !!entry };
    })
    .filter(({ missing }) => missing.length > 0);
}
