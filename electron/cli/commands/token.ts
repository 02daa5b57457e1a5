import { tenantIdSchema } from '../../ipc/schemas';
import type { Services } from '../../core/app/services';
import type { ResourceName } from '../../shared/cloud';
import { pickProfile, UsageError, type CliCommand } from '../context';

const resources = ['azure', 'graph', 'exchange', 'partnercenter', 'aadgraph', 'keyvault'] as const satisfies readonly ResourceName[];

function parseResource(value: string | boolean | undefined): ResourceName {
  if (typeof value !== 'string') throw new UsageError(`Name a resource with --resource (${resources.join(', ')}).`);
  const resource = resources.find((candidate) => candidate === value.toLowerCase());
  if (!resource) throw new UsageError(`Unknown resource “${value}”. Use one of: ${resources.join(', ')}.`);
  return resource;
}

/**
 * --tenant takes a tenant id, or a customer's domain looked up in the cached customer list (no
 * network call unless the list was never fetched). The partner's own tenant id is accepted too.
 */
export async function resolveTenant(services: Services, profileId: string, value: string | boolean | undefined): Promise<string> {
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError('Name the customer with --tenant ID or --tenant DOMAIN.');
  const asId = tenantIdSchema.safeParse(value);
  if (asId.success) return asId.data;
  const wanted = value.trim().toLowerCase();
  const { customers } = await services.customers.list(profileId, false);
  const match = customers.find((customer) => customer.domain.toLowerCase() === wanted);
  if (!match) {
    throw new UsageError(`No customer with the domain “${value}” in the saved customer list. Check the spelling, or run samdesk customers --refresh.`);
  }
  return match.tenantId;
}

export const tokenCommand: CliCommand = {
  name: 'token',
  summary: 'Print an access token for a customer: --tenant ID|DOMAIN --resource azure|graph|exchange|partnercenter|aadgraph|keyvault.',
  options: { tenant: { type: 'string' }, resource: { type: 'string' } },
  async run({ services, values, profile, print }) {
    const profileId = await pickProfile(services, profile);
    const resource = parseResource(values.resource);
    const tenantId = await resolveTenant(services, profileId, values.tenant);
    const token = await services.keeper.redeem(profileId, tenantId, resource);
    const expiresAt = token.expiresAt.toISOString();
    print({ accessToken: token.accessToken, expiresAt, tenantId, resource }, token.accessToken);
    return 0;
  },
};
