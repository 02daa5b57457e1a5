/* eslint-disable @typescript-eslint/no-explicit-any -- the tests read loosely typed JSON off the wire */
/**
 * The simulator's own protocol tests (sim.protocol*.test.ts): raw calls to whichever simulated
 * cloud `current()` names at call time, MSAL's network module over the same CA, and Microsoft's
 * error shape checked to the letter.
 */
import { readFileSync } from 'node:fs';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { startSimulatedCloud, type SimInfo, type SimOptions, type SimulatedCloud } from '../sim';
import { simProtocol } from './simProtocol';
import { httpsExchange, type SimReply } from './simRequest';

export function simWire(current: () => SimInfo) {
  const protocols = new Map<string, ReturnType<typeof simProtocol>>();
  const protocol = () => {
    const sim = current();
    if (!protocols.has(sim.url)) protocols.set(sim.url, simProtocol(sim));
    return protocols.get(sim.url)!;
  };
  const call: ReturnType<typeof simProtocol>['call'] = (method, url, options) => protocol().call(method, url, options);
  const control = (path: string, json: unknown = {}) => call('POST', `/_sim/${path}`, { json });
  const tokenPath = (tenant: string) => `/${tenant}/oauth2/v2.0/token`;

  /** MSAL's network module over node:https, trusting only the sim's CA. */
  const networkClient: INetworkModule = {
    async sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
      const reply = await call('GET', url, { headers: options?.headers });
      return { status: reply.status, headers: reply.headers as Record<string, string>, body: reply.json as T };
    },
    async sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
      const reply = await httpsExchange(readFileSync(current().caFile, 'utf8'), 'POST', url, { headers: options?.headers, body: options?.body ?? '' });
      // MSAL reads every token answer as JSON: a body that is not JSON fails here, loudly.
      return { status: reply.status, headers: reply.headers as Record<string, string>, body: JSON.parse(reply.text) as T };
    },
  };

  /** Device-code sign-in as the seeded admin (autoApprove), raw protocol. */
  async function deviceCodeTokens(scope = 'https://graph.microsoft.com/.default offline_access openid profile'): Promise<any> {
    const sim = current();
    const code = await call('POST', `/organizations/oauth2/v2.0/devicecode`, { form: { client_id: sim.samAppId, scope } });
    const token = await call('POST', tokenPath(sim.partnerTenantId), {
      form: { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: sim.samAppId, device_code: code.json.device_code, scope, client_info: '1' },
    });
    expect(token.status).toBe(200);
    return token.json;
  }

  const redeem = (refreshToken: string, tenant: string, scope: string) =>
    call('POST', tokenPath(tenant), {
      form: { grant_type: 'refresh_token', client_id: current().samAppId, refresh_token: refreshToken, scope: `${scope} offline_access`, client_info: '1' },
    });

  /** Microsoft's error body to the letter: its keys, name, code, and the description's and timestamp's form. */
  function expectAadError(reply: SimReply, code: number, error: string, status = 400): void {
    expect(reply.status).toBe(status);
    expect(Object.keys(reply.json).sort()).toEqual(
      ['correlation_id', 'error', 'error_codes', 'error_description', 'error_uri', 'timestamp', 'trace_id', ...(reply.json.suberror ? ['suberror'] : [])].sort(),
    );
    expect(reply.json.error).toBe(error);
    expect(reply.json.error_codes).toEqual([code]);
    expect(reply.json.error_description).toMatch(
      new RegExp(`^AADSTS${code}: .+ Trace ID: [0-9a-f-]{36} Correlation ID: [0-9a-f-]{36} Timestamp: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ$`),
    );
    expect(reply.json.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
    expect(reply.json.error_uri).toBe(`${current().url}/error?code=${code}`);
  }

  return { call, control, tokenPath, networkClient, deviceCodeTokens, redeem, expectAadError };
}

/**
 * A protocol test file's simulated cloud: started before its tests, reset before each, stopped
 * after; `slot` is the file's own variable, which a test may point at a second cloud for a while.
 */
export function useSimWire(options: SimOptions, slot: { get(): SimulatedCloud; set(cloud: SimulatedCloud): void }) {
  const wire = simWire(() => slot.get());
  beforeAll(async () => {
    slot.set(await startSimulatedCloud(options));
  });
  afterAll(async () => {
    await slot.get()?.stop();
  });
  beforeEach(async () => {
    await wire.control('reset');
  });
  return wire;
}
