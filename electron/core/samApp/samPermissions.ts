/**
 * The delegated permissions a Secure Application Model app needs, as Microsoft Graph's
 * `requiredResourceAccess` names them (resource app id + permission id). Ids are Microsoft's
 * published ones; the names are for people.
 */
export interface RequiredPermission {
  resourceAppId: string;
  resourceName: string;
  /** The resource URI the admin consents for, e.g. https://graph.microsoft.com. */
  resourceUri: string;
  permissionId: string;
  permission: string;
}

export const PARTNER_CENTER_APP_ID = 'fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd';
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const EXCHANGE_ONLINE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';
export const AZURE_KEY_VAULT_APP_ID = 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093';

export const samPermissions: readonly RequiredPermission[] = [
  {
    resourceAppId: PARTNER_CENTER_APP_ID,
    resourceName: 'Partner Center',
    resourceUri: 'https://api.partnercenter.microsoft.com',
    permissionId: '1cebfa2a-fb4d-419e-b5f9-839b4383e05a',
    permission: 'user_impersonation',
  },
  ...[
    ['Directory.AccessAsUser.All', '0e263e50-5827-48a4-b97c-d940288653c7'],
    ['DelegatedAdminRelationship.Read.All', '0c0064ea-477b-4130-82a5-4c2cc4ff68aa'],
    ['User.Read', 'e1fe6dd8-ba31-4d61-89e7-88639da4683d'],
    ['offline_access', '7427e0e9-2fba-42fe-b0c0-848c9e6a8182'],
  ].map(([permission, permissionId]) => ({
    resourceAppId: GRAPH_APP_ID,
    resourceName: 'Microsoft Graph',
    resourceUri: 'https://graph.microsoft.com',
    permissionId: permissionId!,
    permission: permission!,
  })),
  {
    resourceAppId: EXCHANGE_ONLINE_APP_ID,
    resourceName: 'Office 365 Exchange Online',
    resourceUri: 'https://outlook.office365.com',
    permissionId: 'ab4f2b77-0b06-4fc1-a9de-02113fc2ab7c',
    permission: 'Exchange.Manage',
  },
  // Publishing the refresh token to the partner's Key Vault with the token itself: no second sign-in.
  {
    resourceAppId: AZURE_KEY_VAULT_APP_ID,
    resourceName: 'Azure Key Vault',
    resourceUri: 'https://vault.azure.net',
    permissionId: 'f53da476-18e3-4152-8e01-aec403e6edc0',
    permission: 'user_impersonation',
  },
];

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

export function missingPermissions(existing: ResourceAccess[]): RequiredPermission[] {
  return samPermissions.filter(
    (needed) =>
      !existing.some(
        (entry) =>
          entry.resourceAppId === needed.resourceAppId && entry.resourceAccess.some((access) => access.id === needed.permissionId),
      ),
  );
}
