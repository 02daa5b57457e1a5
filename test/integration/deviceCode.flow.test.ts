import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedCloud, type SimulatedCloud } from '../sim';
import { readEnvironment } from '../../electron/core/config/environment';
import { createHttpClient } from '../../electron/core/http/httpClient';
import { DeviceCodeFlow, EXCHANGE_POWERSHELL_APP_ID, signedInAs } from '../../electron/core/identity/deviceCode';
import { MicrosoftIdentityError } from '../../electron/core/identity/aadsts';

describe('the device-code flow against the simulated cloud', () => {
  let sim: SimulatedCloud;
  let flow: (sleep: (ms: number) => Promise<void>) => DeviceCodeFlow;

  beforeAll(async () => {
    sim = await startSimulatedCloud({ customers: 3, deviceCodeIntervalSeconds: 1 });
    const environment = readEnvironment({ SAMDESK_CLOUD: sim.url, SAMDESK_CA_FILE: sim.caFile });
    const http = createHttpClient({ extraCa: environment.extraCa });
    flow = (sleep) => new DeviceCodeFlow(environment.cloud, http, () => new Date(), sleep);
  });

  afterAll(async () => sim?.stop());

  it('waits the server’s interval, adds five seconds on slow_down, and returns the tokens once approved', async () => {
    const waits: number[] = [];
    // Polls come back early (50 ms instead of the asked wait), so the server says slow_down.
    const deviceCodes = flow(async (ms) => {
      waits.push(ms);
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (waits.length === 4) {
        const record = [...sim.state.deviceCodes.values()].find((code) => code.status === 'pending')!;
        const admin = sim.state.findUser(sim.user)!;
        Object.assign(record, { status: 'approved', userOid: admin.oid, authMs: Date.now(), mfa: true });
      }
    });
    const grant = await deviceCodes.begin(sim.partnerDomain, EXCHANGE_POWERSHELL_APP_ID, 'exchange');
    expect(grant.userCode).toMatch(/^[A-Z0-9]{9}$/);
    expect(grant.intervalSeconds).toBe(1);

    const tokens = await deviceCodes.poll(grant, new AbortController().signal);
    expect(waits[0]).toBe(1000);
    expect(waits).toContain(6000);
    expect(tokens.refreshToken).toMatch(/^0\.A/);
    expect(signedInAs(tokens)).toMatchObject({ user: sim.user, mfa: true });
  });

  it('reports a declined sign-in (authorization_declined) in plain words', async () => {
    const deviceCodes = flow(async () => {
      const pending = [...sim.state.deviceCodes.values()].find((code) => code.status === 'pending');
      if (pending) pending.status = 'denied';
    });
    const grant = await deviceCodes.begin(sim.partnerDomain, EXCHANGE_POWERSHELL_APP_ID, 'exchange');
    const failure = await deviceCodes.poll(grant, new AbortController().signal).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MicrosoftIdentityError);
    expect((failure as MicrosoftIdentityError).message).toBe('The device-code sign-in was declined.');
  });

  it('reports a code that ran out on Microsoft’s side (expired_token, AADSTS70019) in plain words', async () => {
    const deviceCodes = flow(async () => {
      // Past the code's 15 minutes on the simulator's clock, but not on SAM Desk's.
      const pending = [...sim.state.deviceCodes.values()].find((code) => code.status === 'pending');
      if (pending) pending.expiresMs = 0;
    });
    const grant = await deviceCodes.begin(sim.partnerDomain, EXCHANGE_POWERSHELL_APP_ID, 'exchange');
    const failure = (await deviceCodes.poll(grant, new AbortController().signal).catch((error: unknown) => error)) as MicrosoftIdentityError;
    expect(failure.body.error).toBe('expired_token');
    expect(failure.code).toBe('70019');
    expect(failure.message).toBe('The device code expired before the sign-in was finished.');
  });

  it('reports a device code Microsoft does not recognise (bad_verification_code) in plain words', async () => {
    const deviceCodes = flow(async () => undefined);
    const grant = await deviceCodes.begin(sim.partnerDomain, EXCHANGE_POWERSHELL_APP_ID, 'exchange');
    const failure = (await deviceCodes.poll({ ...grant, deviceCode: `${grant.deviceCode}x` }, new AbortController().signal).catch((error: unknown) => error)) as MicrosoftIdentityError;
    expect(failure.body.error).toBe('bad_verification_code');
    expect(failure.message).toBe('Microsoft did not recognise the device code.');
  });

  it('explains AADSTS7000218 as “public client flows are off” when the SAM app does not allow them', async () => {
    const seeded = sim.state.findApp(sim.samAppId)!;
    seeded.isFallbackPublicClient = false;
    try {
      const deviceCodes = flow(async () => undefined);
      const grant = await deviceCodes.begin(sim.partnerDomain, sim.samAppId, 'partnercenter');
      const failure = (await deviceCodes.poll(grant, new AbortController().signal).catch((error: unknown) => error)) as MicrosoftIdentityError;
      expect(failure.code).toBe('7000218');
      expect(failure.message).toBe('Device-code sign-in is switched off for this SAM app (“Allow public client flows” is No).');
      expect(failure.explanation?.fix).toBe('check-app');
    } finally {
      seeded.isFallbackPublicClient = true;
    }
  });
});
