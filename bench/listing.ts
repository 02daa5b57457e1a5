import type { Services } from '../electron/core/app/services';
import type { ProfileRecord } from '../electron/core/profiles/profileStore';
import type { SimulatedCloud } from '../test/sim';
import { heapUsedAfterGc, time } from './measure';

export const LIST_LATENCY_MS = 40;

/**
 * Lists every customer from all three sources with `LIST_LATENCY_MS` on every response. The floor
 * is what no client can beat: the token redemptions (side by side), then the longest chain of
 * pages, each of which can only be asked for once the previous one has named it.
 */
export async function measureListing(sim: SimulatedCloud, services: Services, profile: ProfileRecord) {
  sim.state.controls.latency = [{ ms: LIST_LATENCY_MS }];
  sim.state.stats.clear();
  const listed = await time(() => services.customers.list(profile.id, true));
  const pages = Math.max(
    sim.state.stats.get('partnercenter customers') ?? 0,
    sim.state.stats.get('graph delegatedAdminCustomers') ?? 0,
    sim.state.stats.get('graph delegatedAdminRelationships') ?? 0,
  );
  const floorMs = (1 + pages) * LIST_LATENCY_MS;
  // The same list read back from the cache: the heap just before and just after is what it costs.
  const heapWithout = heapUsedAfterGc();
  const held = await services.customers.cached(profile.id);
  const heapWith = heapUsedAfterGc();
  sim.state.controls.latency = [];
  return { listMs: listed.ms, floorMs, roundTrips: 1 + pages, customers: listed.value.customers, heldCount: held?.customers.length ?? 0, heapWithout, heapWith };
}
