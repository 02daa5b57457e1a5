import { createHash, randomBytes } from 'node:crypto';
import { createHttpClient, readJson, type HttpResponse } from '../../electron/core/http/httpClient';
import type { ProfileRecord } from '../../electron/core/profiles/profileStore';
import type { Services } from '../../electron/core/app/services';
import { vaultAccounts } from '../../electron/core/vault/secretVault';
import { currentTotp, type SimInfo } from '../sim';
import { simCa } from './environment';
import { cloudBinding, resolveCloud } from '../../electron/shared/cloud';

const PARTNER_CENTER_SCOPE = 'https://api.partnercenter.microsoft.com/.default offline_access';

/**
 * A consented profile without a browser, as the consent wizard would leave it: the refresh token in
 * the keychain and the metadata beside it. For tests and benchmarks whose subject is what comes after
 * consent. By default the admin signs in with the device-code flow (approved through the simulator's
 * /_sim/device/approve control): a public client's token. `confidential` signs in as SAM Desk's
 * consent does, with the authorization code at the Web redirect and the SAM app's secret, which is
 * kept with the profile.
 */
export async function signedInProfile(
  sim: SimInfo,
  services: Pick<Services, 'profiles' | 'vault'>,
  id = 'p-bench',
  options: { confidential?: boolean } = {},
): Promise<ProfileRecord> {
  const http = createHttpClient({ extraCa: simCa(sim) });
  const send = (method: 'GET' | 'POST', path: string, body?: Record<string, string>, headers: Record<string, string> = {}, json = false) =>
    http.send({
      method,
      url: path.startsWith('https:') ? path : `${sim.url}${path}`,
      headers: { ...(body ? { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' } : {}), ...headers },
      body: body ? (json ? JSON.stringify(body) : new URLSearchParams(body).toString()) : undefined,
    });
  const post = async (path: string, body: Record<string, string>, json = false) => readJson<Record<string, string>>(await send('POST', path, body, {}, json)) ?? {};

  let tokens: Record<string, string>;
  if (options.confidential) {
    const redirectUri = 'http://localhost:51234/';
    const verifier = randomBytes(32).toString('base64url');
    const code = await authorizationCode(send, sim, redirectUri, verifier);
    tokens = await post(`/${sim.partnerTenantId}/oauth2/v2.0/token`, {
      client_id: sim.samAppId,
      client_secret: sim.samAppSecret,
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
      scope: PARTNER_CENTER_SCOPE,
    });
  } else {
    const code = await post(`/${sim.partnerTenantId}/oauth2/v2.0/devicecode`, { client_id: sim.samAppId, scope: PARTNER_CENTER_SCOPE });
    await post('/_sim/device/approve', { userCode: code.user_code! }, true);
    tokens = await post(`/${sim.partnerTenantId}/oauth2/v2.0/token`, {
      client_id: sim.samAppId,
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      device_code: code.device_code!,
    });
  }
  if (!tokens.refresh_token) throw new Error(`The simulator returned no refresh token: ${tokens.error ?? 'unknown'} ${tokens.error_description ?? ''}`);
  const now = new Date().toISOString();
  const profile: ProfileRecord = {
    id,
    name: sim.partnerDomain,
    cloud: 'custom',
    boundTo: cloudBinding(resolveCloud(sim.url)),
    partnerTenantId: sim.partnerTenantId,
    clientId: sim.samAppId,
    hasClientSecret: options.confidential === true,
    user: sim.user,
    mfa: true,
    issuedAt: now,
    lastRedeemedAt: now,
  };
  await services.vault.set(vaultAccounts.refreshToken(id), tokens.refresh_token);
  if (options.confidential) await services.vault.set(vaultAccounts.clientSecret(id), sim.samAppSecret);
  await services.profiles.upsert(profile);
  return profile;
}

type Send = (method: 'GET' | 'POST', path: string, body?: Record<string, string>, headers?: Record<string, string>) => Promise<HttpResponse>;

/** The browser part of the authorization-code flow over HTTP: authorize (PKCE), sign-in, MFA, the redirect's code. */
async function authorizationCode(send: Send, sim: SimInfo, redirectUri: string, verifier: string): Promise<string> {
  const query = new URLSearchParams({
    client_id: sim.samAppId,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: `${PARTNER_CENTER_SCOPE} openid`,
    state: 'signed-in-profile',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    prompt: 'login',
  });
  const signIn = await send('GET', `/${sim.partnerTenantId}/oauth2/v2.0/authorize?${query}`, undefined, { accept: 'text/html' });
  const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
  const flow = /name="flow" value="([^"]+)"/.exec(signIn.body)?.[1];
  if (!flow) throw new Error(`The authorize endpoint showed no sign-in page (HTTP ${signIn.status}).`);
  await send('POST', '/common/login', { flow, username: sim.user, password: sim.password }, { cookie });
  let page = await send('POST', '/common/SAS/ProcessAuth', { flow, otc: currentTotp(sim.totpSecret) }, { cookie });
  if (page.status === 200 && page.body.includes('Accept')) page = await send('POST', '/common/Consent/Set', { flow, action: 'accept' }, { cookie });
  const location = page.headers.location;
  const code = typeof location === 'string' ? new URL(location).searchParams.get('code') : null;
  if (!code) throw new Error(`The sign-in ended without a code (HTTP ${page.status}).`);
  return code;
}
