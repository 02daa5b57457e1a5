/** Raw protocol calls against the simulated cloud, for tests whose subject is the wire itself. */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { currentTotp, type SimInfo } from '../sim';
import { encodeRequest, httpsExchange, type SimReply, type SimRequestOptions } from './simRequest';

export interface AuthorizedCode {
  code: string;
  redirectUri: string;
  verifier: string;
  /** The browser's sign-in cookie after the sign-in. */
  cookie: string;
}

export function simProtocol(sim: SimInfo) {
  const ca = readFileSync(sim.caFile, 'utf8');

  const call = (method: string, url: string, opts: SimRequestOptions = {}): Promise<SimReply> =>
    httpsExchange(ca, method, url.startsWith('http') ? url : `${sim.url}${url}`, encodeRequest(opts));

  const control = (path: string, json: unknown = {}) => call('POST', `/_sim/${path}`, { json });
  const token = (tenant: string, form: Record<string, string>, headers?: Record<string, string>) =>
    call('POST', `/${tenant}/oauth2/v2.0/token`, { form, headers });

  /** Microsoft's error shape, exactly: the keys, the error name, the code and the description's form. */
  function expectAadError(reply: SimReply, code: number, error: string, status = error === 'invalid_client' ? 401 : 400): void {
    expect(reply.json?.error_description ?? reply.text).toMatch(new RegExp(`^AADSTS${code}: `));
    expect(reply.status).toBe(status);
    expect(Object.keys(reply.json).sort()).toEqual(
      ['correlation_id', 'error', 'error_codes', 'error_description', 'error_uri', 'timestamp', 'trace_id', ...(reply.json.suberror ? ['suberror'] : [])].sort(),
    );
    expect(reply.json.error).toBe(error);
    expect(reply.json.error_codes).toEqual([code]);
  }

  /**
   * The browser part of the authorization-code flow, over HTTP: the authorize request (with PKCE),
   * the sign-in, MFA and (when asked) consent pages, and the redirect that carries the code.
   */
  function authorizeQuery(clientId: string, verifier: string, options: { redirectUri?: string; scope?: string; prompt?: string }): URLSearchParams {
    return new URLSearchParams({
      client_id: clientId,
      response_type: 'code',
      redirect_uri: options.redirectUri ?? 'http://localhost:51234',
      scope: options.scope ?? 'https://api.partnercenter.microsoft.com/.default openid offline_access',
      state: 'st',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      ...(options.prompt ? { prompt: options.prompt } : {}),
    });
  }

  async function authorize(clientId: string, options: { redirectUri?: string; scope?: string; tenant?: string } = {}): Promise<AuthorizedCode> {
    const redirectUri = options.redirectUri ?? 'http://localhost:51234';
    const verifier = randomBytes(32).toString('base64url');
    const query = authorizeQuery(clientId, verifier, { ...options, prompt: 'login' });
    const signIn = await call('GET', `/${options.tenant ?? sim.partnerTenantId}/oauth2/v2.0/authorize?${query}`, { headers: { accept: 'text/html' } });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
    const flow = /name="flow" value="([^"]+)"/.exec(signIn.text)?.[1];
    if (!flow) throw new Error(`The authorize endpoint showed no sign-in page: ${signIn.status} ${signIn.text.slice(0, 300)}`);
    await call('POST', '/common/login', { headers: { cookie }, form: { flow, username: sim.user, password: sim.password } });
    let page = await call('POST', '/common/SAS/ProcessAuth', { headers: { cookie }, form: { flow, otc: currentTotp(sim.totpSecret) } });
    if (page.status === 200 && page.text.includes('Accept')) page = await call('POST', '/common/Consent/Set', { headers: { cookie }, form: { flow, action: 'accept' } });
    const location = page.headers.location;
    if (page.status !== 302 || typeof location !== 'string') throw new Error(`No redirect with a code: ${page.status} ${page.text.slice(0, 300)}`);
    const code = new URL(location).searchParams.get('code');
    if (!code) throw new Error(`The redirect carried no code: ${location}`);
    return { code, redirectUri, verifier, cookie };
  }

  /** The authorize request again in the same browser: a live sign-in cookie answers with a redirect, no page. */
  const authorizeWithCookie = (clientId: string, cookie: string) =>
    call('GET', `/${sim.partnerTenantId}/oauth2/v2.0/authorize?${authorizeQuery(clientId, randomBytes(32).toString('base64url'), {})}`, {
      headers: { accept: 'text/html', cookie },
    });

  /** The code redeemed at the token endpoint, as the client type it claims to be. */
  const redeemCode = (clientId: string, authorized: AuthorizedCode, extra: Record<string, string> = {}, headers?: Record<string, string>) =>
    token(
      sim.partnerTenantId,
      {
        grant_type: 'authorization_code',
        client_id: clientId,
        code: authorized.code,
        redirect_uri: authorized.redirectUri,
        code_verifier: authorized.verifier,
        scope: 'https://api.partnercenter.microsoft.com/.default openid offline_access',
        ...extra,
      },
      headers,
    );

  const refresh = (clientId: string, refreshToken: string, extra: Record<string, string> = {}, headers?: Record<string, string>) =>
    token(
      sim.partnerTenantId,
      { grant_type: 'refresh_token', client_id: clientId, refresh_token: refreshToken, scope: 'https://graph.microsoft.com/.default offline_access', ...extra },
      headers,
    );

  /** A device-code sign-in approved through the simulator's control; returns the token endpoint's answer. */
  async function deviceCode(clientId: string, extra: Record<string, string> = {}): Promise<SimReply> {
    const started = await call('POST', `/${sim.partnerTenantId}/oauth2/v2.0/devicecode`, {
      form: { client_id: clientId, scope: 'https://api.partnercenter.microsoft.com/.default offline_access' },
    });
    await control('device/approve', { userCode: started.json.user_code });
    return token(sim.partnerTenantId, { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: clientId, device_code: started.json.device_code, ...extra });
  }

  return { call, control, token, expectAadError, authorize, authorizeWithCookie, redeemCode, refresh, deviceCode };
}
