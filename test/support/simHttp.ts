import { readFileSync } from 'node:fs';
import type { SimInfo } from '../sim';
import { encodeRequest, httpsExchange, type SimReply, type SimRequestOptions } from './simRequest';

export interface SimCaller {
  call(method: string, path: string, options?: SimRequestOptions): Promise<SimReply>;
  /** A /_sim control, e.g. control('faults', {...}). */
  control(path: string, body?: unknown): Promise<SimReply>;
  /** Device-code sign-in as the seeded admin (the sim must auto-approve); the token response. */
  deviceCodeTokens(clientId: string, scope: string, tenant?: string): Promise<SimReply>;
  redeem(clientId: string, refreshToken: string, tenant: string, resource: string): Promise<SimReply>;
}

/** Raw HTTPS to the simulated cloud, trusting exactly its CA; one request per call, no retries. */
export function simCaller(sim: SimInfo): SimCaller {
  const ca = readFileSync(sim.caFile, 'utf8');
  const call: SimCaller['call'] = (method, path, options = {}) => httpsExchange(ca, method, `${sim.url}${path}`, encodeRequest(options));
  const tokenPath = (tenant: string) => `/${tenant}/oauth2/v2.0/token`;
  return {
    call,
    control: (path, body = {}) => call('POST', `/_sim/${path}`, { json: body }),
    async deviceCodeTokens(clientId, scope, tenant = sim.partnerTenantId) {
      const code = await call('POST', `/${tenant}/oauth2/v2.0/devicecode`, { form: { client_id: clientId, scope } });
      if (code.status !== 200) return code;
      return call('POST', tokenPath(tenant), { form: { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: clientId, device_code: code.json.device_code } });
    },
    redeem: (clientId, refreshToken, tenant, resource) =>
      call('POST', tokenPath(tenant), { form: { grant_type: 'refresh_token', client_id: clientId, refresh_token: refreshToken, scope: `${resource}/.default offline_access` } }),
  };
}
