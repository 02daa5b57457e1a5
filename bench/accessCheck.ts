import type { Services } from '../electron/core/app/services';
import type { ProfileRecord } from '../electron/core/profiles/profileStore';
import type { SimulatedCloud } from '../test/sim';
import { time } from './measure';

export const TOKEN_LATENCY_MS = 25;
export const CONCURRENCY = 8;

/**
 * "Check access" for `tenantIds` × Azure: the pool, its floor (latency × ⌈N ÷ concurrency⌉), and
 * what the seed scripts do, one customer after another with a keychain write per redemption
 * (measured on `sequentialSample` customers and scaled). Then the same check through a 429 storm.
 */
export async function measureAccessCheck(sim: SimulatedCloud, services: Services, profile: ProfileRecord, tenantIds: string[], sequentialSample: number) {
  sim.state.controls.latency = [{ ms: TOKEN_LATENCY_MS, path: '/oauth2/v2.0/token' }];
  const check = () => services.accessCheck.run({ profileId: profile.id, resources: ['azure'], customerTenantIds: tenantIds, concurrency: CONCURRENCY });
  const pooled = await time(check);
  const keychainWrites = services.accessCheck.lastRunKeychainWrites;
  const sequential = await time(async () => {
    for (const tenantId of tenantIds.slice(0, sequentialSample)) {
      await services.keeper.redeem(profile.id, tenantId, 'azure').catch(() => undefined);
    }
  });
  const sequentialMs = (sequential.ms * tenantIds.length) / sequentialSample;
  const floorMs = TOKEN_LATENCY_MS * Math.ceil(tenantIds.length / CONCURRENCY);

  // A 429 storm: the next 3 × concurrency token requests are throttled with Retry-After 1 s.
  const throttled = 3 * CONCURRENCY;
  sim.state.controls.faults = [{ path: '/oauth2/v2.0/token', status: 429, retryAfter: 1, count: throttled }];
  const stormed = await time(check);
  sim.state.controls.faults = [];
  sim.state.controls.latency = [];
  const failed = stormed.value.customers.filter((customer) => customer.results.azure?.status !== 'ok').length;
  return { pooledMs: pooled.ms, keychainWrites, sequentialMs, floorMs, storm: { ms: stormed.ms, pauses: services.accessCheck.gate?.pauses.length ?? 0, throttled, failed } };
}
