import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedCloud, type SimulatedCloud } from '../sim';
import { createHttpClient, NetworkError, type HttpClient, type HttpRequest } from '../../electron/core/http/httpClient';
import { createServices, type Services } from '../../electron/core/app/services';
import { toUserFacingError } from '../../electron/core/app/userFacingError';
import { silentLogger } from '../../electron/core/app/logger';
import { resolveCloud } from '../../electron/shared/cloud';
import { TokenClient } from '../../electron/core/identity/tokenClient';
import { RefreshTokenKeeper } from '../../electron/core/identity/refreshTokens';
import { vaultAccounts } from '../../electron/core/vault/secretVault';
import { isolatedEnvironment, simCa, type IsolatedEnvironment } from '../support/environment';
import type { ExtraCa } from '../../electron/core/config/environment';
import { signedInProfile } from '../support/signedInProfile';

/**
 * The HTTP client against the simulator's injected faults. Waits go through an injected sleep that
 * records the delay and returns at once, so nothing here depends on wall-clock timing.
 */
describe('network faults', () => {
  let sim: SimulatedCloud;
  let ca: ExtraCa;
  let controls: HttpClient;
  let discovery: string;

  const fault = async (body: Record<string, unknown>) => {
    const response = await controls.send({
      method: 'POST',
      url: `${sim.url}/_sim/faults`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
  };
  const attemptsSoFar = async (): Promise<number> => {
    const response = await controls.send({ method: 'GET', url: `${sim.url}/_sim/stats` });
    return (JSON.parse(response.body) as { total: number }).total;
  };

  /** A client with small, test-sized policies; `waits` records every backoff it asked for. */
  function client(options: { attempts?: number; timeoutMs?: number; maxRetryAfterMs?: number; random?: number } = {}) {
    const waits: number[] = [];
    const http = createHttpClient({
      extraCa: ca,
      retry: {
        attempts: options.attempts ?? 4,
        baseDelayMs: 100,
        maxDelayMs: 400,
        maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
        timeoutMs: options.timeoutMs ?? 5_000,
      },
      random: () => options.random ?? 0.5,
      sleep: async (ms, signal) => {
        if (signal?.aborted) throw new NetworkError('The request was cancelled.', true);
        waits.push(ms);
      },
    });
    return { http, waits };
  }

  beforeAll(async () => {
    sim = await startSimulatedCloud({ customers: 5 });
    ca = simCa(sim);
    controls = createHttpClient({ extraCa: ca, retry: { attempts: 1 } });
    discovery = `${sim.url}/${sim.partnerTenantId}/v2.0/.well-known/openid-configuration`;
  });
  afterEach(async () => {
    await controls.send({ method: 'DELETE', url: `${sim.url}/_sim/faults` });
    await controls.send({ method: 'DELETE', url: `${sim.url}/_sim/latency` });
    await controls.send({ method: 'DELETE', url: `${sim.url}/_sim/stats` });
  });
  afterAll(async () => {
    await sim?.stop();
  });

  it('retries 500 and 503 with exponential backoff and jitter, then succeeds', async () => {
    await fault({ path: 'openid-configuration', status: 503, count: 2 });
    await fault({ path: 'openid-configuration', status: 500, count: 1 });
    const { http, waits } = client({ random: 0.5 });
    const response = await http.send({ method: 'GET', url: discovery });
    expect(response.status).toBe(200);
    expect(await attemptsSoFar()).toBe(4);
    // Backoff 100, 200, 400 ms; jitter puts each wait in [backoff/2, backoff].
    expect(waits).toEqual([75, 150, 300]);
  });

  it.each([
    [0, [50, 100, 200]],
    [0.999_999, [100, 200, 400]],
  ])('keeps jittered waits within [backoff/2, backoff] and under the cap (random %s)', async (random, bounds) => {
    await fault({ path: 'openid-configuration', status: 503, count: 3 });
    const { http, waits } = client({ random });
    await http.send({ method: 'GET', url: discovery });
    waits.forEach((wait, i) => {
      expect(wait).toBeGreaterThanOrEqual(bounds[i]! * (random === 0 ? 1 : 0.99));
      expect(wait).toBeLessThanOrEqual(400);
    });
  });

  it('honours Retry-After through a 429 storm', async () => {
    await fault({ path: 'openid-configuration', status: 429, retryAfter: 7, count: 3 });
    const { http, waits } = client();
    const response = await http.send({ method: 'GET', url: discovery });
    expect(response.status).toBe(200);
    expect(waits).toEqual([7000, 7000, 7000]);
  });

  it('does not sit out a Retry-After longer than it may wait; the caller gets a plain throttling error', async () => {
    await fault({ path: '/oauth2/v2.0/token', status: 429, retryAfter: 600, count: 1 });
    const { http, waits } = client({ maxRetryAfterMs: 30_000 });
    const tokens = new TokenClient(resolveCloud(sim.url), http);
    const error = await tokens
      .redeem({ clientId: sim.samAppId, refreshToken: '0.Anot-used', tenantId: sim.partnerTenantId, resource: 'graph' })
      .catch((e: unknown) => e);
    expect(waits).toEqual([]);
    expect(toUserFacingError(error)).toMatchObject({
      kind: 'microsoft',
      message: 'Microsoft is throttling sign-in requests right now.',
      action: 'Wait a minute and try again.',
      code: 'AADSTS90055',
    });
  });

  it('sends a POST once on a 500 or a dropped connection (Microsoft may have acted on it), but resends one marked safe to retry, and any throttled one', async () => {
    const token = `${sim.url}/${sim.partnerTenantId}/oauth2/v2.0/token`;
    const post = (http: HttpClient, retrySafe?: boolean) =>
      http.send({ method: 'POST', url: token, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=refresh_token&client_id=x', retrySafe });

    await fault({ path: '/oauth2/v2.0/token', status: 500, count: 1 });
    const once = client();
    expect((await post(once.http)).status).toBe(500);
    expect(await attemptsSoFar()).toBe(1);
    expect(once.waits).toEqual([]);

    await controls.send({ method: 'DELETE', url: `${sim.url}/_sim/stats` });
    await fault({ path: '/oauth2/v2.0/token', reset: true, count: 1 });
    await expect(post(client().http)).rejects.toBeInstanceOf(NetworkError);
    expect(await attemptsSoFar()).toBe(1);

    await controls.send({ method: 'DELETE', url: `${sim.url}/_sim/stats` });
    await fault({ path: '/oauth2/v2.0/token', status: 500, count: 1 });
    expect((await post(client().http, true)).status).toBe(400);
    expect(await attemptsSoFar()).toBe(2);

    await controls.send({ method: 'DELETE', url: `${sim.url}/_sim/stats` });
    await fault({ path: '/oauth2/v2.0/token', status: 429, retryAfter: 2, count: 1 });
    const throttled = client();
    expect((await post(throttled.http)).status).toBe(400);
    expect(throttled.waits).toEqual([2000]);
  });

  it('gives up after its attempts on a server that keeps failing, and says so plainly', async () => {
    await fault({ path: '/oauth2/v2.0/token', status: 500, count: -1 });
    const { http } = client({ attempts: 3 });
    const tokens = new TokenClient(resolveCloud(sim.url), http);
    const error = await tokens
      .redeem({ clientId: sim.samAppId, refreshToken: '0.Anot-used', tenantId: sim.partnerTenantId, resource: 'graph' })
      .catch((e: unknown) => e);
    expect(await attemptsSoFar()).toBe(3);
    const facing = toUserFacingError(error);
    expect(facing.kind).toBe('microsoft');
    expect(facing.message).toMatch(/transient error/i);
  });

  it('retries dropped connections and reports a reset in words, with what to do', async () => {
    await fault({ path: 'openid-configuration', reset: true, count: -1 });
    const { http, waits } = client({ attempts: 3 });
    const error = await http.send({ method: 'GET', url: discovery }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(waits).toHaveLength(2);
    expect(toUserFacingError(error)).toEqual({
      kind: 'network',
      message: `The connection to ${new URL(sim.url).host} was reset.`,
      action: 'Check the network connection and try again.',
    });
  });

  it('times out a server that never answers', async () => {
    await fault({ path: 'openid-configuration', hang: true, count: -1 });
    const { http } = client({ attempts: 2, timeoutMs: 300 });
    await expect(http.send({ method: 'GET', url: discovery })).rejects.toThrow(
      `${new URL(sim.url).host} did not answer within 0.3 s.`,
    );
    expect(await attemptsSoFar()).toBe(2);
  });

  it('rides out latency that stays within the timeout', async () => {
    await fault({ path: 'openid-configuration', latencyMs: 150, count: 1 });
    const { http, waits } = client({ timeoutMs: 5_000 });
    expect((await http.send({ method: 'GET', url: discovery })).status).toBe(200);
    expect(waits).toEqual([]);
  });

  it('can be cancelled while waiting for an answer and while backing off', async () => {
    await fault({ path: 'openid-configuration', hang: true, count: 1 });
    const { http } = client({ timeoutMs: 60_000 });
    const abort = new AbortController();
    const hanging = http.send({ method: 'GET', url: discovery, signal: abort.signal });
    setTimeout(() => abort.abort(), 100);
    await expect(hanging).rejects.toMatchObject({ cancelled: true, message: 'The request was cancelled.' });

    // The real sleep, a 30-second Retry-After, cancelled during the wait.
    await fault({ path: 'openid-configuration', status: 503, retryAfter: 30, count: 1 });
    const real = createHttpClient({ extraCa: ca, retry: { attempts: 3 } });
    const backingOff = new AbortController();
    const waiting = real.send({ method: 'GET', url: discovery, signal: backingOff.signal });
    setTimeout(() => backingOff.abort(), 300);
    const error = await waiting.catch((e: unknown) => e);
    expect(toUserFacingError(error)).toEqual({ kind: 'cancelled', message: 'The request was cancelled.' });
  });
});

describe('a redemption that fails midway', () => {
  let sim: SimulatedCloud;
  let isolated: IsolatedEnvironment;
  let services: Services;

  beforeAll(async () => {
    sim = await startSimulatedCloud({ customers: 5 });
    isolated = isolatedEnvironment(sim);
    services = createServices(isolated.environment, { opener: { open: () => ({ close() {} }) }, logger: silentLogger });
  });
  afterAll(async () => {
    await isolated?.cleanUp();
    await sim?.stop();
  });

  it('keeps the last good refresh token when the answer is lost after Microsoft rotated it', async () => {
    const profile = await signedInProfile(sim, services, 'p-faults');
    const before = await services.vault.get(vaultAccounts.refreshToken(profile.id));
    // The server redeems and rotates; the connection drops before the answer reaches SAM Desk.
    const lossy: HttpClient = {
      async send(request: HttpRequest) {
        const response = await services.http.send(request);
        if (request.url.includes('/oauth2/v2.0/token')) throw new NetworkError(`The connection to ${new URL(sim.url).host} was reset.`);
        return response;
      },
    };
    const keeper = new RefreshTokenKeeper(services.vault, services.profiles, new TokenClient(isolated.environment.cloud, lossy));
    await expect(keeper.redeem(profile.id, sim.partnerTenantId, 'graph')).rejects.toBeInstanceOf(NetworkError);

    expect(await services.vault.get(vaultAccounts.refreshToken(profile.id))).toBe(before);
    expect((await services.profiles.get(profile.id))?.lastRedeemedAt).toBe(profile.lastRedeemedAt);
    // The kept token still works, and the next redemption stores its successor.
    const token = await services.keeper.redeem(profile.id, sim.partnerTenantId, 'graph');
    expect(token.accessToken).toMatch(/^eyJ/);
    const after = await services.vault.get(vaultAccounts.refreshToken(profile.id));
    expect(after).toMatch(/^0\.A/);
    expect(after).not.toBe(before);
  });

  it('a Partner Center 429 with a Retry-After longer than SAM Desk waits ends at once, saying when to try again, with the refresh token kept', async () => {
    const profile = await signedInProfile(sim, services, 'p-faults-3');
    sim.state.controls.faults.push({ path: '/partnercenter/v1/customers', status: 429, retryAfter: 900, count: 1 });
    const error = await services.customers.list(profile.id, true).catch((e: unknown) => e);
    expect(toUserFacingError(error)).toEqual({
      kind: 'microsoft',
      message: 'Partner Center is limiting requests right now (429 Too Many Requests); try again in 15 minutes.',
    });
    expect(await services.vault.get(vaultAccounts.refreshToken(profile.id))).toMatch(/^0\.A/);
    sim.state.controls.faults = [];
  });

  it('keeps the last good refresh token when the keychain write fails after a redemption', async () => {
    const profile = await signedInProfile(sim, services, 'p-faults-2');
    const before = await services.vault.get(vaultAccounts.refreshToken(profile.id));
    const failingWrites = { ...services.vault, get: services.vault.get.bind(services.vault), set: () => Promise.reject(new Error('keyring locked')), delete: services.vault.delete.bind(services.vault) };
    const keeper = new RefreshTokenKeeper(failingWrites, services.profiles, new TokenClient(isolated.environment.cloud, services.http));
    await expect(keeper.redeem(profile.id, sim.partnerTenantId, 'graph')).rejects.toThrow('keyring locked');
    expect(await services.vault.get(vaultAccounts.refreshToken(profile.id))).toBe(before);
    await expect(services.keeper.redeem(profile.id, sim.partnerTenantId, 'graph')).resolves.toMatchObject({ accessToken: expect.stringMatching(/^eyJ/) });
  });
});
