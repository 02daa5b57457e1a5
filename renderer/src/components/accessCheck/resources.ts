import type { AccessResource } from '../../../../electron/ipc/accessCheck';

/** The resources an access check can try, in the order the matrix shows them, with the names admins use. */
export const accessResources: ReadonlyArray<{ resource: AccessResource; label: string; hint: string }> = [
  { resource: 'azure', label: 'Azure', hint: 'Azure Resource Manager (Connect-AzAccount)' },
  { resource: 'graph', label: 'Graph', hint: 'Microsoft Graph (Connect-MgGraph)' },
  { resource: 'exchange', label: 'Exchange', hint: 'Exchange Online (Connect-ExchangeOnline)' },
  { resource: 'partnercenter', label: 'Partner Center', hint: 'Partner Center (Connect-PartnerCenter)' },
];

export function resourceLabel(resource: AccessResource): string {
  return accessResources.find((entry) => entry.resource === resource)?.label ?? resource;
}
