/* eslint-disable @typescript-eslint/no-explicit-any -- tests read loosely typed JSON off the wire */
import { readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import type { SimInfo } from '../sim';

export interface SimReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

export interface SimCaller {
  call(method: string, path: string, options?: { form?: Record<string, string>; json?: unknown; headers?: Record<string, string> }): Promise<SimReply>;
  /** A /_sim control, e.g. control('faults', {...}). */
  control(path: string, body?: unknown): Promise<SimReply>;
  /** Device-code sign-in as the seeded admin (the sim must auto-approve); the token response. */
  deviceCodeTokens(clientId: string, scope: string, tenant?: string): Promise<SimReply>;
  redeem(clientId: string, refreshToken: string, tenant: string, resource: string): Promise<SimReply>;
}

/** Raw HTTPS to the simulated cloud, trusting exactly its CA; one request per call, no retries. */
export function simCaller(sim: SimInfo): SimCaller {
  const ca = readFileSync(sim.caFile, 'utf8');
  const call: SimCaller['call'] = (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    let body: string | undefined;
    if (options.form) {
      body = new URLSearchParams(options.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] = 'application/json';
    }
    return new Promise((resolve, reject) => {
      const req = httpsRequest(`${sim.url}${path}`, { method, ca, headers, timeout: 15_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      });
      req.on('timeout', () => req.destroy(new Error(`${method} ${path} did not answer within 15 s.`)));
      req.on('error', reject);
      req.end(body);
    });
  };
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
