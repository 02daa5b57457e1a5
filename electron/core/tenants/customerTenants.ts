import { join } from 'node:path';
import { z } from 'zod';
import type { CustomerList, CustomerTenant, Relationship } from '../../ipc/contract';
import type { CloudEndpoints } from '../config/cloud';
import { readJson, type HttpClient, type HttpResponse } from '../http/httpClient';
import type { RefreshTokenKeeper } from '../identity/refreshTokens';
import { VersionedJsonFile } from '../profiles/versionedFile';

interface PartnerCenterPage {
  items?: Array<{
    id: string;
    companyProfile?: { tenantId?: string; domain?: string; companyName?: string };
    allowDelegatedAccess?: boolean;
  }>;
  continuationToken?: string;
}

interface GraphPage<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

interface GdapRelationship {
  status?: string;
  endDateTime?: string;
  customer?: { tenantId?: string; displayName?: string };
}

export class ApiError extends Error {
  constructor(
    readonly service: string,
    readonly status: number,
    detail: string,
  ) {
    super(`${service} answered HTTP ${status}${detail ? `: ${detail}` : ''}.`);
    this.name = 'ApiError';
  }
}

const relationshipSchema = z.union([
  z.object({ kind: z.literal('DAP') }),
  z.object({ kind: z.literal('GDAP'), status: z.enum(['active', 'expired']), endsAt: z.string().nullable() }),
]);
const customerListSchema = z.object({
  fetchedAt: z.string(),
  customers: z.array(
    z.object({ tenantId: z.string(), name: z.string(), domain: z.string(), relationships: z.array(relationshipSchema) }),
  ),
});

/**
 * The partner's customer tenants: Partner Center's customer list (DAP, paged by continuation
 * token) merged by tenant id with GDAP relationships from Microsoft Graph ($skiptoken paging).
 * The last list is cached on disk (names and ids only) so the app opens with it at once.
 */
export class CustomerTenantService {
  constructor(
    private readonly cloud: CloudEndpoints,
    private readonly http: HttpClient,
    private readonly keeper: RefreshTokenKeeper,
    private readonly home: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(profileId: string, refresh: boolean, signal?: AbortSignal): Promise<CustomerList> {
    const cache = this.cacheFile(profileId);
    if (!refresh) {
      const cached = await cache.read().catch(() => undefined);
      if (cached) return cached;
    }
    const profile = await this.keeper.profile(profileId);
    const [partnerCenter, graph] = await Promise.all([
      this.keeper.redeem(profileId, profile.partnerTenantId, 'partnercenter', signal),
      this.keeper.redeem(profileId, profile.partnerTenantId, 'graph', signal),
    ]);
    const [resellerCustomers, gdap] = await Promise.all([
      this.partnerCenterCustomers(partnerCenter.accessToken, signal),
      this.gdapRelationships(graph.accessToken, signal),
    ]);
    const list = { customers: mergeCustomers(resellerCustomers, gdap), fetchedAt: this.now().toISOString() };
    await cache.write(list);
    return list;
  }

  private cacheFile(profileId: string): VersionedJsonFile<CustomerList | undefined> {
    return new VersionedJsonFile(join(this.home, `customers-${profileId}.json`), 1, customerListSchema, () => undefined);
  }

  private async partnerCenterCustomers(accessToken: string, signal?: AbortSignal): Promise<CustomerTenant[]> {
    const customers: CustomerTenant[] = [];
    let continuation: string | undefined;
    do {
      const response = await this.http.send({
        method: 'GET',
        url: `${this.cloud.partnerCenterApi}/v1/customers?size=500`,
        headers: {
          authorization: `Bearer ${accessToken}`,
          accept: 'application/json',
          ...(continuation ? { 'MS-ContinuationToken': continuation } : {}),
        },
        signal,
      });
      const page = expectOk<PartnerCenterPage>('Partner Center', response);
      for (const item of page.items ?? []) {
        const tenantId = (item.companyProfile?.tenantId ?? item.id).toLowerCase();
        customers.push({
          tenantId,
          name: item.companyProfile?.companyName ?? tenantId,
          domain: item.companyProfile?.domain ?? '',
          relationships: item.allowDelegatedAccess ? [{ kind: 'DAP' }] : [],
        });
      }
      continuation = page.continuationToken;
    } while (continuation);
    return customers;
  }

  private async gdapRelationships(accessToken: string, signal?: AbortSignal): Promise<GdapRelationship[]> {
    const relationships: GdapRelationship[] = [];
    let url: string | undefined = `${this.cloud.graphApi}/v1.0/tenantRelationships/delegatedAdminRelationships?$top=300`;
    while (url) {
      const response = await this.http.send({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
        signal,
      });
      const page: GraphPage<GdapRelationship> = expectOk('Microsoft Graph', response);
      relationships.push(...(page.value ?? []));
      url = page['@odata.nextLink'];
    }
    return relationships;
  }
}

function expectOk<T>(service: string, response: HttpResponse): T {
  const body = readJson<T & { description?: string; error?: { message?: string } }>(response);
  if (response.status !== 200 || !body) {
    throw new ApiError(service, response.status, body?.description ?? body?.error?.message ?? '');
  }
  return body;
}

/** One row per tenant; GDAP relationships are attached to the tenant they belong to. */
export function mergeCustomers(resellerCustomers: CustomerTenant[], gdap: GdapRelationship[]): CustomerTenant[] {
  const byTenant = new Map<string, CustomerTenant>();
  for (const customer of resellerCustomers) byTenant.set(customer.tenantId, { ...customer });
  for (const relationship of gdap) {
    const tenantId = relationship.customer?.tenantId?.toLowerCase();
    if (!tenantId) continue;
    const customer = byTenant.get(tenantId) ?? {
      tenantId,
      name: relationship.customer?.displayName ?? tenantId,
      domain: '',
      relationships: [],
    };
    const gdapRelationship: Relationship = {
      kind: 'GDAP',
      status: relationship.status === 'active' ? 'active' : 'expired',
      endsAt: relationship.endDateTime ?? null,
    };
    customer.relationships = [...customer.relationships, gdapRelationship];
    byTenant.set(tenantId, customer);
  }
  return [...byTenant.values()].sort((a, b) => a.name.localeCompare(b.name));
}
