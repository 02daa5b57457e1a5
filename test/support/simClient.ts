/* eslint-disable @typescript-eslint/no-explicit-any -- protocol tests read loosely typed JSON off the wire */
import { createHttpClient, type HttpRequest } from '../../electron/core/http/httpClient';
import type { SimInfo } from '../sim';
import { simCa } from './environment';
import { encodeRequest, parseJsonOrUndefined, type SimReply, type SimRequestOptions } from './simRequest';

export type SimClientReply = Pick<SimReply, 'status' | 'headers' | 'json'>;

/**
 * Raw requests to the simulated cloud over real HTTPS (trusting its CA, no retries), for tests of
 * the wire protocol itself; `tokens` signs in as the seeded admin with the device-code flow.
 */
export function simClient(sim: SimInfo) {
  const http = createHttpClient({ extraCa: simCa(sim), retry: { attempts: 1 } });
  const call = async (
    method: HttpRequest['method'],
    path: string,
    options: SimRequestOptions = {},
  ): Promise<SimClientReply> => {
    const { headers, body } = encodeRequest(options);
    const response = await http.send({ method, url: path.startsWith('https:') ? path : `${sim.url}${path}`, headers, body });
    return { status: response.status, headers: response.headers, json: parseJsonOrUndefined(response.body) };
  };

  /** Device-code sign-in as the seeded admin (approved through /_sim/device/approve) for `{resource}/.default`; returns the token response. */
  const tokens = async (resource: string): Promise<any> => {
    const code = await call('POST', `/${sim.partnerTenantId}/oauth2/v2.0/devicecode`, { form: { client_id: sim.samAppId, scope: `${resource}/.default offline_access` } });
    await call('POST', '/_sim/device/approve', { json: { userCode: code.json.user_code } });
    const token = await call('POST', `/${sim.partnerTenantId}/oauth2/v2.0/token`, {
      form: { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: sim.samAppId, device_code: code.json.device_code },
    });
    if (token.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(token.json)}`);
    return token.json;
  };

  /** Redeems a refresh token for `{resource}/.default` in a tenant. */
  const redeem = (refreshToken: string, tenant: string, resource: string) =>
    call('POST', `/${tenant}/oauth2/v2.0/token`, {
      form: { grant_type: 'refresh_token', client_id: sim.samAppId, refresh_token: refreshToken, scope: `${resource}/.default offline_access` },
    });

  return { call, tokens, redeem, control: (path: string, json: unknown = {}) => call('POST', `/_sim/${path}`, { json }) };
}
