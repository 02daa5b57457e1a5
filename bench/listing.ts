import { customersForWindow } from '../electron/core/app/handlers/tenants';
import type { Services } from '../electron/core/app/services';
import { readJson, type HttpClient } from '../electron/core/http/httpClient';
import type { ProfileRecord } from '../electron/core/profiles/profileStore';
import { CustomerTenantService } from '../electron/core/tenants/customerTenants';
import { gdapCustomersUrl, gdapRelationshipsUrl, nextPageRequest } from '../electron/core/tenants/sources';
import { vaultAccounts } from '../electron/core/vault/secretVault';
import { bareClient, bareRedeem } from './bareClient';
import { heapUsedAfterGc, time } from './measure';
import type { SimControls } from './simProcess';

export const LIST_LATENCY_MS = 40;

/** The three paged sources, by the simulator's route names. */
const SOURCES = ['partnercenter customers', 'graph delegatedAdminCustomers', 'graph delegatedAdminRelationships'];

/**
 * Lists every customer from all three sources with `LIST_LATENCY_MS` on every response, against
 * its floor: what no client can beat, one token redemption (the two are side by side), then the
 * longest chain of pages, each of which can only be asked for once the previous one has named it.
 * The floor is measured in the same run by a bare client that does nothing but that (a page's
 * round trip is the injected latency plus the simulator's own work on the page, which is
 * Microsoft's time, not SAM Desk's); `nominalFloorMs` is the same count × the injected latency.
 */
export async function measureListing(sim: SimControls, services: Services, profile: ProfileRecord) {
  await sim.setLatency([{ ms: LIST_LATENCY_MS }]);
  const floor = await barePaging(services, profile);
  await sim.clearStats();
  const listed = await time(() => services.customers.list(profile.id, true));
  const stats = await sim.stats();
  const pages = Math.max(...SOURCES.map((source) => stats[source] ?? 0));
  // The same list read back from the saved file, as at the next start (a service of its own, which
  // holds it as the app does, in the form the window gets): the heap before and after is what it costs.
  await services.customers.written(profile.id);
  const { cloud, home } = services.environment;
  const heapWithout = heapUsedAfterGc();
  const restarted = new CustomerTenantService(cloud, services.http, services.keeper, home);
  const held = await restarted.cached(profile.id);
  const shown = held && customersForWindow(held.customers);
  const heapWith = heapUsedAfterGc();
  await sim.setLatency([]);
  return {
    listMs: listed.ms,
    floorMs: floor.redemptionMs + floor.longestChainMs,
    floor,
    nominalFloorMs: (1 + pages) * LIST_LATENCY_MS,
    roundTrips: 1 + pages,
    customers: listed.value.customers,
    heldCount: shown?.length ?? 0,
    heapWithout,
    heapWith,
  };
}

/** One raw token redemption, then the three page chains side by side, reading nothing but each page's next link. */
async function barePaging(services: Services, profile: ProfileRecord) {
  const { cloud } = services.environment;
  const [partnerCenter, graph] = await Promise.all([
    services.keeper.redeem(profile.id, profile.partnerTenantId, 'partnercenter'),
    services.keeper.redeem(profile.id, profile.partnerTenantId, 'graph'),
  ]);
  const refreshToken = (await services.vault.get(vaultAccounts.refreshToken(profile.id)))!;
  const http = bareClient();
  const redemption = await time(() => bareRedeem(http, cloud, profile.clientId, refreshToken, profile.partnerTenantId, 'graph'));
  if (redemption.value !== 200) throw new Error(`the bare redemption failed: HTTP ${redemption.value}`);
  const get = (url: string, accessToken: string, headers: Record<string, string> = {}) =>
    http.send({ method: 'GET', url, headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json', ...headers } });
  const chains = await Promise.all([
    time(() => partnerCenterChain(http, cloud, partnerCenter.accessToken)),
    time(() => graphChain(get, gdapCustomersUrl(cloud), graph.accessToken)),
    time(() => graphChain(get, gdapRelationshipsUrl(cloud), graph.accessToken)),
  ]);
  return { redemptionMs: redemption.ms, longestChainMs: Math.max(...chains.map((chain) => chain.ms)) };
}

async function partnerCenterChain(http: HttpClient, cloud: Services['environment']['cloud'], accessToken: string): Promise<void> {
  let request: { url: string; headers: Record<string, string> } | undefined = { url: `${cloud.partnerCenterApi}/v1/customers?size=500`, headers: {} };
  while (request) {
    const response = await http.send({ method: 'GET', url: request.url, headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json', ...request.headers } });
    const next = readJson<{ links?: { next?: { uri?: string; headers?: Array<{ key?: string; value?: string }> } } }>(response)?.links?.next;
    request = next?.uri ? nextPageRequest(cloud, next) : undefined;
  }
}

async function graphChain(get: (url: string, accessToken: string) => ReturnType<HttpClient['send']>, firstUrl: string, accessToken: string): Promise<void> {
  for (let url: string | undefined = firstUrl; url; ) {
    url = readJson<{ '@odata.nextLink'?: string }>(await get(url, accessToken))?.['@odata.nextLink'];
  }
}
