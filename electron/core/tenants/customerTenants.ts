import { join } from 'node:path';
import { z } from 'zod';
import type { CustomerList } from '../../ipc/contract';
import type { EventSink } from '../app/events';
import { noEvents } from '../app/events';
import type { CloudEndpoints } from '../config/cloud';
import type { HttpClient } from '../http/httpClient';
import type { RefreshTokenKeeper } from '../identity/refreshTokens';
import { VersionedJsonFile } from '../profiles/versionedFile';
import { mergeCustomers, type GdapCustomer, type GdapRelationship } from './merge';
import { fetchGraphCollection, fetchPartnerCenterCustomers, gdapCustomersUrl, gdapRelationshipsUrl } from './sources';

export { ApiError } from './sources';
export { mergeCustomers } from './merge';

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
 * The partner's customer tenants, from three sources fetched side by side: Partner Center's
 * customer list (continuation-token paging), and Microsoft Graph's delegatedAdminCustomers and
 * delegatedAdminRelationships ($skiptoken paging), merged by tenant id. The last list is cached
 * on disk (names, ids and relationships; never tokens) so the app opens with it at once; while a
 * refresh runs, 'tenants.progress' events say how far it got.
 */
export class CustomerTenantService {
  private readonly refreshing = new Map<string, Promise<CustomerList>>();

  constructor(
    private readonly cloud: CloudEndpoints,
    private readonly http: HttpClient,
    private readonly keeper: RefreshTokenKeeper,
    private readonly home: string,
    private readonly now: () => Date = () => new Date(),
    private readonly events: EventSink = noEvents,
  ) {}

  async list(profileId: string, refresh: boolean, signal?: AbortSignal): Promise<CustomerList> {
    if (!refresh) {
      const cached = await this.cached(profileId);
      if (cached) return { ...cached, fromCache: true };
    }
    // A refresh already under way for this profile answers a second caller too.
    let running = this.refreshing.get(profileId);
    if (!running) {
      running = this.fetch(profileId, signal).finally(() => this.refreshing.delete(profileId));
      this.refreshing.set(profileId, running);
    }
    return running;
  }

  /** The list saved last time, or undefined before the first fetch (or if it cannot be read). */
  async cached(profileId: string): Promise<CustomerList | undefined> {
    return this.cacheFile(profileId).read().catch(() => undefined);
  }

  private async fetch(profileId: string, signal?: AbortSignal): Promise<CustomerList> {
    const expected = (await this.cached(profileId))?.customers.length;
    const profile = await this.keeper.profile(profileId);
    const [partnerCenter, graph] = await Promise.all([
      this.keeper.redeem(profileId, profile.partnerTenantId, 'partnercenter', signal),
      this.keeper.redeem(profileId, profile.partnerTenantId, 'graph', signal),
    ]);
    const seen = new Set<string>();
    const progress = (tenantIds: Iterable<string | undefined>) => {
      for (const tenantId of tenantIds) if (tenantId) seen.add(tenantId.toLowerCase());
      this.events.emit('tenants.progress', { profileId, loaded: seen.size, expected });
    };
    const [resellerCustomers, gdapCustomers, gdapRelationships] = await Promise.all([
      fetchPartnerCenterCustomers(this.http, this.cloud, partnerCenter.accessToken, (page) => progress(page.map((c) => c.tenantId)), signal),
      fetchGraphCollection<GdapCustomer>(this.http, gdapCustomersUrl(this.cloud), graph.accessToken, (page) => progress(page.map((c) => c.tenantId)), signal),
      fetchGraphCollection<GdapRelationship>(this.http, gdapRelationshipsUrl(this.cloud), graph.accessToken, (page) => progress(page.map((r) => r.customer?.tenantId)), signal),
    ]);
    const list: CustomerList = {
      customers: mergeCustomers(resellerCustomers, gdapRelationships, gdapCustomers),
      fetchedAt: this.now().toISOString(),
    };
    await this.cacheFile(profileId).write(list);
    return list;
  }

  private cacheFile(profileId: string): VersionedJsonFile<CustomerList | undefined> {
    return new VersionedJsonFile(join(this.home, `customers-${profileId}.json`), 1, customerListSchema, () => undefined);
  }
}
