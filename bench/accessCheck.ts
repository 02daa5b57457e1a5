import type { Services } from '../electron/core/app/services';
import type { ProfileRecord } from '../electron/core/profiles/profileStore';
import type { AccessCheckReport } from '../electron/ipc/accessCheck';
import { vaultAccounts } from '../electron/core/vault/secretVault';
import { bareClient, bareRedeem } from './bareClient';
import { time } from './measure';
import type { SimControls } from './simProcess';

export const TOKEN_LATENCY_MS = 25;
/** The most requests the check may have in flight (the app's default "parallel requests"); it starts with fewer. */
export const MAX_CONCURRENCY = 16;
const TOKEN_PATH = '/oauth2/v2.0/token';

/**
 * "Check access" for `tenantIds` × Azure Resource Manager: the adaptive pool, its floor, and what
 * the seed scripts do, one customer after another with a keychain write per redemption (measured
 * on `sequentialSample` customers and scaled). The floor is latency × ⌈N ÷ the most the pool may
 * have in flight⌉, measured: a bare pool of that many, from the first request on, doing nothing but
 * redeem (a redemption's round trip is the injected latency plus the simulator's signing of the
 * tokens, Microsoft's time); `nominalFloorMs` is the formula with the injected latency. Then the
 * same check through a 429 storm.
 */
export async function measureAccessCheck(sim: SimControls, services: Services, profile: ProfileRecord, tenantIds: string[], sequentialSample: number, stormMs: number) {
  await sim.setLatency([{ ms: TOKEN_LATENCY_MS, path: TOKEN_PATH }]);
  const check = () => services.accessCheck.run({ profileId: profile.id, resources: ['azure'], customerTenantIds: tenantIds, concurrency: MAX_CONCURRENCY });
  const pooled = await time(check);
  const calmGate = services.accessCheck.gate!;
  const keychainWrites = services.accessCheck.lastRunKeychainWrites;
  const sequential = await time(async () => {
    for (const tenantId of tenantIds.slice(0, sequentialSample)) {
      await services.keeper.redeem(profile.id, tenantId, 'azure').catch(() => undefined);
    }
  });
  const sequentialMs = (sequential.ms * tenantIds.length) / sequentialSample;
  const floorMs = await barePool(services, profile, tenantIds);
  const nominalFloorMs = TOKEN_LATENCY_MS * Math.ceil(tenantIds.length / MAX_CONCURRENCY);
  const storm = await measureStorm(sim, services, check, pooled.ms, pooled.value, stormMs);
  await sim.setLatency([]);
  return {
    pooledMs: pooled.ms,
    floorMs,
    nominalFloorMs,
    sequentialMs,
    keychainWrites,
    concurrency: { max: MAX_CONCURRENCY, peak: calmGate.peak, trace: calmGate.trace },
    storm,
  };
}

/** `MAX_CONCURRENCY` workers redeeming one refresh token for each tenant: the time no pool of that size beats. */
async function barePool(services: Services, profile: ProfileRecord, tenantIds: string[]): Promise<number> {
  const refreshToken = (await services.vault.get(vaultAccounts.refreshToken(profile.id)))!;
  const http = bareClient();
  let next = 0;
  const worker = async () => {
    while (next < tenantIds.length) await bareRedeem(http, services.environment.cloud, profile.clientId, refreshToken, tenantIds[next++]!, 'azure');
  };
  return (await time(() => Promise.all(Array.from({ length: MAX_CONCURRENCY }, worker)))).ms;
}

/**
 * A 429 storm: a quarter of the way into the check every token request is throttled for
 * `stormMs`, with a Retry-After (1 s) shorter than the storm, so a retry after the wait is
 * throttled again, as Microsoft Graph's throttling guidance warns. Reported: the 429s Microsoft
 * had to answer (the simulator's count of token requests beyond one per customer), how many were
 * probes sent after the gate knew of the storm (one per Retry-After, never the pool), and the
 * customers whose result differs from the calm run's (a throttled customer must not be reported as failed).
 */
async function measureStorm(sim: SimControls, services: Services, check: () => Promise<AccessCheckReport>, calmMs: number, calm: AccessCheckReport, stormMs: number) {
  await sim.clearStats();
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  let lasted = 0;
  const running = time(check);
  // The storm, a quarter of the way in; the check goes on through it.
  const storm = (async () => {
    await sleep(calmMs / 4);
    await sim.addFault({ path: TOKEN_PATH, status: 429, retryAfter: 1, count: -1, latencyMs: TOKEN_LATENCY_MS });
    const started = performance.now();
    await sleep(stormMs);
    await sim.clearFaults();
    lasted = performance.now() - started;
  })();
  const [stormed] = await Promise.all([running, storm]);
  const gate = services.accessCheck.gate!;
  const requests = (await sim.stats())['token v2'] ?? 0;
  const calmOutcome = new Map(calm.customers.map((customer) => [customer.tenantId, customer.results.azure?.status]));
  const changed = stormed.value.customers.filter((customer) => customer.results.azure?.status !== calmOutcome.get(customer.tenantId)).length;
  const cells = stormed.value.customers.length;
  const cutAt = gate.trace.findIndex((step) => step.why === 'throttled');
  const cut = gate.trace[cutAt];
  const beforeStorm = gate.trace[cutAt - 1];
  return {
    ms: stormed.ms,
    stormMs: lasted,
    throttledAnswers: requests - cells,
    probesSent: gate.probesSent,
    pauses: gate.pauses.length,
    customersChanged: changed,
    concurrency: { beforeStorm: beforeStorm?.limit ?? 0, afterCut: cut?.limit ?? 0, atEnd: gate.trace.at(-1)!.limit, trace: gate.trace },
  };
}
