import { createHash, randomBytes } from 'node:crypto';
import { PublicClientApplication } from '@azure/msal-node';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { currentTotp, startSimulatedCloud, type SimulatedCloud } from '../sim/index';
import { useSimWire } from '../support/simWire';

/** The identity platform as the simulator speaks it: discovery, tokens, cross-tenant redemption, browser sign-in. */
let cloud: SimulatedCloud;
const { call, control, tokenPath, networkClient, deviceCodeTokens, redeem, expectAadError } = useSimWire({ customers: 5, autoApprove: true, deviceCodeIntervalSeconds: 1 }, { get: () => cloud, set: (started) => (cloud = started) });

describe('discovery', () => {
  it('serves v2 and v1 OpenID configuration on the sim url', async () => {
    const v2 = await call('GET', `/${cloud.partnerDomain}/v2.0/.well-known/openid-configuration`);
    expect(v2.status).toBe(200);
    expect(v2.json.issuer).toBe(`${cloud.url}/${cloud.partnerTenantId}/v2.0`);
    expect(v2.json.token_endpoint).toBe(`${cloud.url}/${cloud.partnerTenantId}/oauth2/v2.0/token`);
    expect(v2.json.device_authorization_endpoint).toBe(`${cloud.url}/${cloud.partnerTenantId}/oauth2/v2.0/devicecode`);
    const common = await call('GET', '/common/v2.0/.well-known/openid-configuration');
    expect(common.json.issuer).toBe(`${cloud.url}/{tenantid}/v2.0`);
    const v1 = await call('GET', `/${cloud.partnerTenantId}/.well-known/openid-configuration`);
    expect(v1.json.issuer).toBe(`https://sts.windows.net/${cloud.partnerTenantId}/`);
    expect(v1.json.token_endpoint).toBe(`${cloud.url}/${cloud.partnerTenantId}/oauth2/token`);
  });

  it('answers instance discovery with the sim host as the only alias', async () => {
    const host = new URL(cloud.url).host;
    const r = await call('GET', `/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(`${cloud.url}/common/oauth2/v2.0/authorize`)}`);
    expect(r.json).toEqual({
      tenant_discovery_endpoint: `${cloud.url}/common/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    });
  });

  it('rejects an unknown tenant with AADSTS90002', async () => {
    const r = await call('POST', tokenPath('nosuchtenant.onmicrosoft.com'), { form: { grant_type: 'refresh_token', client_id: cloud.samAppId } });
    expectAadError(r, 90002, 'invalid_request');
  });
});

describe('tokens', () => {
  it('publishes a JWKS that verifies issued access tokens', async () => {
    const tokens = await deviceCodeTokens();
    const jwks = await call('GET', `/${cloud.partnerTenantId}/discovery/v2.0/keys`);
    const { payload, protectedHeader } = await jwtVerify(tokens.access_token, createLocalJWKSet(jwks.json), { currentDate: new Date() });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({ aud: 'https://graph.microsoft.com', iss: `https://sts.windows.net/${cloud.partnerTenantId}/`, tid: cloud.partnerTenantId, upn: cloud.user, appid: cloud.samAppId, amr: ['pwd', 'mfa'], ver: '1.0', idtyp: 'user' });
    expect(tokens.refresh_token).toMatch(/^0\.A[A-Za-z0-9_-]{390,}$/);
    expect(JSON.parse(Buffer.from(tokens.client_info, 'base64url').toString())).toEqual({ uid: payload.oid, utid: cloud.partnerTenantId });
    expect(decodeJwt(tokens.id_token)).toMatchObject({ aud: cloud.samAppId, iss: `${cloud.url}/${cloud.partnerTenantId}/v2.0`, preferred_username: cloud.user });
    // State keeps only hashes of refresh tokens.
    expect(JSON.stringify([...cloud.state.refreshTokens.values()])).not.toContain(tokens.refresh_token);
  });

  it('signs in with MSAL Node device code flow (autoApprove) and MSAL accepts the response', async () => {
    const pca = new PublicClientApplication({
      auth: { clientId: cloud.samAppId, authority: `${cloud.url}/${cloud.partnerTenantId}`, knownAuthorities: [new URL(cloud.url).host] },
      system: { networkClient },
    });
    let message = '';
    const result = await pca.acquireTokenByDeviceCode({
      scopes: ['https://api.partnercenter.microsoft.com/.default'],
      deviceCodeCallback: (r) => (message = r.message),
    });
    expect(message).toMatch(new RegExp(`^To sign in, use a web browser to open the page ${cloud.url}/devicelogin and enter the code [A-Z0-9]{9} to authenticate\\.$`));
    expect(result?.account?.username).toBe(cloud.user);
    expect(result?.tenantId).toBe(cloud.partnerTenantId);
    expect(decodeJwt(result!.accessToken).aud).toBe('https://api.partnercenter.microsoft.com');
    const cache = JSON.parse(pca.getTokenCache().serialize());
    const refreshTokens = Object.values(cache.RefreshToken) as Array<{ secret: string }>;
    expect(refreshTokens[0]?.secret).toMatch(/^0\.A/);
  });

  it('rotates refresh tokens, keeps old ones valid, and expires them after 90 days of inactivity', async () => {
    const first = await deviceCodeTokens();
    const second = await redeem(first.refresh_token, cloud.partnerTenantId, 'https://management.azure.com/.default');
    expect(second.status).toBe(200);
    expect(second.json.refresh_token).not.toBe(first.refresh_token);
    expect(decodeJwt(second.json.access_token).aud).toBe('https://management.azure.com');
    expect((await redeem(first.refresh_token, cloud.partnerTenantId, 'https://graph.microsoft.com/.default')).status).toBe(200);

    await control('clock', { advanceSeconds: 91 * 24 * 3600 });
    const expired = await redeem(second.json.refresh_token, cloud.partnerTenantId, 'https://graph.microsoft.com/.default');
    expectAadError(expired, 700082, 'invalid_grant');
    expect(expired.json.error_description).toMatch(/^AADSTS700082: The refresh token has expired due to inactivity\. The token was issued on \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z and was inactive for 90\.00:00:00\./);
  });

  it('fails revoked refresh tokens with AADSTS50173', async () => {
    const tokens = await deviceCodeTokens();
    await control('clock', { advanceSeconds: 5 });
    expect((await control('revoke', { user: cloud.user })).status).toBe(200);
    const r = await redeem(tokens.refresh_token, cloud.partnerTenantId, 'https://graph.microsoft.com/.default');
    expectAadError(r, 50173, 'invalid_grant');
    expect(r.json.error_description).toContain('The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.');
  });

  it('ends refresh tokens early under a conditional-access sign-in frequency (AADSTS70043)', async () => {
    const tokens = await deviceCodeTokens();
    await control('conditional-access', { signInFrequencySeconds: 3600 });
    await control('clock', { advanceSeconds: 7200 });
    expectAadError(await redeem(tokens.refresh_token, cloud.partnerTenantId, 'https://graph.microsoft.com/.default'), 70043, 'invalid_grant');
  });

  it('rejects a refresh token presented by another client, and unknown resources', async () => {
    const tokens = await deviceCodeTokens();
    const other = await call('POST', tokenPath(cloud.partnerTenantId), {
      form: { grant_type: 'refresh_token', client_id: '1950a258-227b-4e31-a9cf-717495945953', refresh_token: tokens.refresh_token, scope: 'https://management.azure.com//.default' },
    });
    expectAadError(other, 70000, 'invalid_grant');
    expectAadError(await redeem(tokens.refresh_token, cloud.partnerTenantId, 'https://unknown.example.com/.default'), 500011, 'invalid_resource');
  });

  it('answers device-code polling with authorization_pending and slow_down when not auto-approved', async () => {
    const manual = await startSimulatedCloud({ customers: 1, deviceCodeIntervalSeconds: 5 });
    const mainCloud = cloud;
    cloud = manual;
    try {
      const code = await call('POST', `/common/oauth2/v2.0/devicecode`, { form: { client_id: manual.samAppId, scope: 'https://graph.microsoft.com/.default offline_access' } });
      expect(code.json.user_code).toMatch(/^[A-Z0-9]{9}$/);
      const poll = () => call('POST', tokenPath('common'), { form: { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: manual.samAppId, device_code: code.json.device_code } });
      expectAadError(await poll(), 70016, 'authorization_pending');
      expectAadError(await poll(), 70016, 'slow_down');
      expect((await call('GET', '/_sim/device')).json.pending[0].userCode).toBe(code.json.user_code);
      await control('device/deny', { userCode: code.json.user_code });
      expectAadError(await poll(), 65004, 'authorization_declined');

      // The same user-visible path a browser takes on /devicelogin.
      const second = await call('POST', `/common/oauth2/v2.0/devicecode`, { form: { client_id: manual.samAppId, scope: 'openid offline_access https://graph.microsoft.com/.default' } });
      const entry = await call('GET', '/devicelogin');
      expect(entry.text).toContain('name="otc"');
      const signIn = await call('POST', '/devicelogin', { form: { otc: second.json.user_code } });
      const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
      const flow = /name="flow" value="([^"]+)"/.exec(signIn.text)![1]!;
      await call('POST', '/common/login', { headers: { cookie }, form: { flow, username: manual.user, password: manual.password } });
      const confirm = await call('POST', '/common/SAS/ProcessAuth', { headers: { cookie }, form: { flow, otc: currentTotp(manual.totpSecret) } });
      expect(confirm.text).toContain('Are you trying to sign in to SAM Desk?');
      const signedIn = await call('POST', '/common/devicelogin/confirm', { headers: { cookie }, form: { flow, action: 'continue' } });
      expect(signedIn.text).toContain('You have signed in to the SAM Desk application on your device.');
      const tokens = await call('POST', tokenPath('common'), { form: { grant_type: 'device_code', client_id: manual.samAppId, device_code: second.json.device_code } });
      expect(tokens.status).toBe(200);
      expect(decodeJwt(tokens.json.access_token).amr).toEqual(['pwd', 'mfa']);
    } finally {
      cloud = mainCloud;
      await manual.stop();
    }
  });
});

describe('cross-tenant redemption', () => {
  it('works for a DAP customer and names the partner as idp', async () => {
    const tokens = await deviceCodeTokens();
    const dap = cloud.state.customers[0]!;
    expect(dap.relationship).toBe('DAP');
    const r = await redeem(tokens.refresh_token, dap.id, 'https://outlook.office365.com/.default');
    expect(r.status).toBe(200);
    expect(decodeJwt(r.json.access_token)).toMatchObject({ tid: dap.id, iss: `https://sts.windows.net/${dap.id}/`, idp: `https://sts.windows.net/${cloud.partnerTenantId}/` });
  });

  it('gives 65001 where the SAM app is not consented and 50020 where GDAP has expired', async () => {
    const tokens = await deviceCodeTokens();
    const notConsented = cloud.state.customers[3]!;
    const consent = await redeem(tokens.refresh_token, notConsented.id, 'https://graph.microsoft.com/.default');
    expectAadError(consent, 65001, 'invalid_grant');
    expect(consent.json.error_description).toContain(`AADSTS65001: The user or administrator has not consented to use the application with ID '${cloud.samAppId}' named 'SAM Desk'.`);
    const expired = cloud.state.customers[2]!;
    expectAadError(await redeem(tokens.refresh_token, expired.domain, 'https://graph.microsoft.com/.default'), 50020, 'invalid_grant');
    await control(`customers/${notConsented.id}/consent`, { appId: cloud.samAppId, consented: true });
    expect((await redeem(tokens.refresh_token, notConsented.id, 'https://graph.microsoft.com/.default')).status).toBe(200);
    await control(`customers/${notConsented.id}/consent`, { appId: cloud.samAppId, consented: false });
  });
});

describe('browser sign-in (authorization code + PKCE)', () => {
  it('walks sign-in, MFA and redirect, then redeems the code once', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const redirectUri = 'http://localhost:51234/callback'.replace('/callback', '');
    const q = new URLSearchParams({ client_id: cloud.samAppId, response_type: 'code', redirect_uri: redirectUri, scope: 'https://graph.microsoft.com/.default openid offline_access', state: 'st ate/+1', code_challenge: challenge, code_challenge_method: 'S256', prompt: 'login' });
    const signIn = await call('GET', `/organizations/oauth2/v2.0/authorize?${q}`, { headers: { accept: 'text/html' } });
    expect(signIn.status).toBe(200);
    expect(signIn.text).toContain('name="username"');
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
    const flow = /name="flow" value="([^"]+)"/.exec(signIn.text)![1]!;
    const wrong = await call('POST', '/common/login', { headers: { cookie }, form: { flow, username: cloud.user, password: 'nope' } });
    expect(wrong.text).toContain('AADSTS50126');
    const mfaPage = await call('POST', '/common/login', { headers: { cookie }, form: { flow, username: cloud.user, password: cloud.password } });
    expect(mfaPage.text).toContain('name="otc"');
    const done = await call('POST', '/common/SAS/ProcessAuth', { headers: { cookie }, form: { flow, otc: currentTotp(cloud.totpSecret) } });
    expect(done.status).toBe(302);
    const location = new URL(String(done.headers.location));
    expect(location.origin + location.pathname).toBe('http://localhost:51234/');
    expect(location.searchParams.get('state')).toBe('st ate/+1');
    const code = location.searchParams.get('code')!;
    // The seeded SAM app's redirect is on the Web platform: a confidential client, so its secret comes too.
    const form = { grant_type: 'authorization_code', client_id: cloud.samAppId, client_secret: cloud.samAppSecret, code, redirect_uri: redirectUri, scope: 'https://graph.microsoft.com/.default openid offline_access' };
    expectAadError(await call('POST', tokenPath('organizations'), { form: { ...form, code_verifier: 'wrong' } }), 501481, 'invalid_grant');
    const ok = await call('POST', tokenPath('organizations'), { form: { ...form, code_verifier: verifier } });
    expect(ok.status).toBe(200);
    expect(decodeJwt(ok.json.access_token).amr).toEqual(['pwd', 'mfa']);
    expectAadError(await call('POST', tokenPath('organizations'), { form: { ...form, code_verifier: verifier } }), 54005, 'invalid_grant');
  });

  it('shows a consent page for an unconsented app; Cancel returns access_denied with AADSTS65004', async () => {
    const tokens = await deviceCodeTokens();
    const app = await call('POST', '/graph/v1.0/applications', {
      headers: { authorization: `Bearer ${tokens.access_token}` },
      json: { displayName: "O'Reilly Test App", publicClient: { redirectUris: ['http://localhost'] } },
    });
    const q = new URLSearchParams({ client_id: app.json.appId, response_type: 'code', redirect_uri: 'http://127.0.0.1:40000', scope: 'https://graph.microsoft.com/.default', state: 'xyz', code_challenge: 'a'.repeat(43), code_challenge_method: 'S256' });
    const signIn = await call('GET', `/${cloud.partnerTenantId}/oauth2/v2.0/authorize?${q}`);
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
    const flow = /name="flow" value="([^"]+)"/.exec(signIn.text)![1]!;
    await call('POST', '/common/login', { headers: { cookie }, form: { flow, username: cloud.user, password: cloud.password } });
    const consent = await call('POST', '/common/SAS/ProcessAuth', { headers: { cookie }, form: { flow, otc: currentTotp(cloud.totpSecret) } });
    expect(consent.text).toContain('O&#39;Reilly Test App');
    expect(consent.text).toContain('Directory.AccessAsUser.All');
    const cancelled = await call('POST', '/common/Consent/Set', { headers: { cookie }, form: { flow, action: 'cancel' } });
    const location = new URL(String(cancelled.headers.location));
    expect(location.host).toBe('127.0.0.1:40000');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('error_description')).toMatch(/^AADSTS65004: /);
    expect(location.searchParams.get('state')).toBe('xyz');
  });

  it('rejects unknown clients and unregistered redirect URIs', async () => {
    const unknown = await call('GET', `/common/oauth2/v2.0/authorize?client_id=00000000-0000-0000-0000-000000000001&response_type=code&redirect_uri=http://localhost`);
    expectAadError(unknown, 700016, 'unauthorized_client');
    const badRedirect = await call('GET', `/common/oauth2/v2.0/authorize?client_id=${cloud.samAppId}&response_type=code&redirect_uri=https://evil.example.com/`);
    expectAadError(badRedirect, 50011, 'invalid_request');
  });
});
