/** Device authorization grant: the devicecode endpoint, polling rules and the /devicelogin pages. */
import { randomBytes, randomInt } from 'node:crypto';
import { aad } from '../errors';
import { findClientApp, resolveScopes, resolveTenantSegment } from '../grants';
import { form, sendHtml, sendJson, type RequestContext, type Route, type SimContext } from '../http';
import type { DeviceCodeRecord } from '../state';
import { continueFlow } from './login';
import { deviceCodeEntryPage } from './pages';

const DEVICE_CODE_LIFETIME_S = 900;
const USER_CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Polls arriving this much early still count as on time (network jitter). */
const POLL_TOLERANCE_MS = 300;

function newUserCode(sim: SimContext): string {
  for (;;) {
    let code = '';
    for (let i = 0; i < 9; i++) code += USER_CODE_CHARS[randomInt(USER_CODE_CHARS.length)];
    if (![...sim.state.deviceCodes.values()].some((d) => d.userCode === code)) return code;
  }
}

function deviceCodeEndpoint(ctx: RequestContext, v1: boolean): void {
  const sim = ctx.sim;
  const params = form(ctx);
  const selected = resolveTenantSegment(sim, ctx.params.tenant);
  const app = findClientApp(sim, params.get('client_id'), selected);
  const scope = v1 ? `${params.get('resource') ?? 'https://graph.microsoft.com'}/.default openid offline_access` : params.get('scope');
  if (!scope) throw aad.missingParameter('scope');
  resolveScopes(scope, null, selected === 'multi' ? 'common' : selected.displayName);
  const record: DeviceCodeRecord = {
    deviceCode: `DAQABIQEAAAB${randomBytes(150).toString('base64url')}`,
    userCode: newUserCode(sim),
    clientId: app.appId,
    scope,
    tenant: selected === 'multi' ? 'multi' : selected.id,
    issuedMs: sim.clock.nowMs(),
    expiresMs: sim.clock.nowMs() + DEVICE_CODE_LIFETIME_S * 1000,
    interval: sim.deviceCodeIntervalSeconds,
    status: 'pending',
  };
  sim.state.deviceCodes.set(record.deviceCode, record);
  const verificationUri = `${sim.baseUrl}/devicelogin`;
  const message = `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${record.userCode} to authenticate.`;
  const body: Record<string, unknown> = {
    user_code: record.userCode,
    device_code: record.deviceCode,
    verification_uri: verificationUri,
    expires_in: DEVICE_CODE_LIFETIME_S,
    interval: record.interval,
    message,
  };
  if (v1) Object.assign(body, { verification_url: verificationUri, expires_in: String(DEVICE_CODE_LIFETIME_S), interval: String(record.interval) });
  sendJson(ctx.res, 200, body);
}

/** Decides one poll of the token endpoint; returns the approved record or throws the device-flow error. */
export function redeemDeviceCode(sim: SimContext, deviceCode: string, clientId: string): DeviceCodeRecord {
  const record = sim.state.deviceCodes.get(deviceCode);
  if (!record) throw aad.deviceCodeInvalid();
  if (record.clientId !== clientId) throw aad.invalidGrant();
  if (record.status === 'redeemed') throw aad.invalidGrant();
  if (sim.clock.nowMs() > record.expiresMs) throw aad.deviceCodeExpired();
  if (record.status === 'denied') throw aad.deviceCodeDeclined();
  const realNow = Date.now();
  const previousPoll = record.lastPollRealMs;
  record.lastPollRealMs = realNow;
  if (record.status === 'pending' && sim.autoApprove) {
    const admin = sim.state.findUser(sim.secrets.user)!;
    Object.assign(record, { status: 'approved', userOid: admin.oid, authMs: sim.clock.nowMs(), mfa: sim.state.controls.mfaRequired });
  }
  if (record.status === 'pending') {
    if (previousPoll !== undefined && realNow - previousPoll < record.interval * 1000 - POLL_TOLERANCE_MS) throw aad.deviceCodeSlowDown();
    throw aad.deviceCodePending();
  }
  record.status = 'redeemed';
  return record;
}

export function pendingDeviceCodes(sim: SimContext): DeviceCodeRecord[] {
  const now = sim.clock.nowMs();
  return [...sim.state.deviceCodes.values()].filter((d) => d.status === 'pending' && d.expiresMs > now);
}

export function findPendingByUserCode(sim: SimContext, userCode: string): DeviceCodeRecord | undefined {
  const wanted = userCode.replace(/[\s-]/g, '').toUpperCase();
  return pendingDeviceCodes(sim).find((d) => d.userCode === wanted);
}

function deviceLoginPage(ctx: RequestContext): void {
  sendHtml(ctx.res, 200, deviceCodeEntryPage({}));
}

function deviceLoginSubmit(ctx: RequestContext): void {
  const sim = ctx.sim;
  const record = findPendingByUserCode(sim, form(ctx).get('otc') ?? '');
  if (!record) {
    return sendHtml(ctx.res, 200, deviceCodeEntryPage({ error: "That code didn't work. Check the code and try again." }));
  }
  const app = sim.state.findApp(record.clientId)!;
  const { session, setCookie } = sim.login.session(ctx);
  const flow = sim.login.startFlow({
    kind: 'device',
    sessionId: session.id,
    clientId: app.appId,
    appName: app.displayName,
    tenant: record.tenant,
    scope: record.scope,
    // Microsoft always asks for credentials on the device-login page.
    forceLogin: true,
    forceConsent: false,
    userCode: record.userCode,
  });
  continueFlow(ctx, flow, setCookie);
}

export function deviceCodeRoutes(): Route[] {
  return [
    { method: 'POST', path: '/:tenant/oauth2/v2.0/devicecode', name: 'devicecode v2', handler: (ctx) => deviceCodeEndpoint(ctx, false) },
    { method: 'POST', path: '/:tenant/oauth2/devicecode', name: 'devicecode v1', handler: (ctx) => deviceCodeEndpoint(ctx, true) },
    { method: 'GET', path: '/devicelogin', name: 'devicelogin', handler: deviceLoginPage },
    { method: 'POST', path: '/devicelogin', name: 'devicelogin', handler: deviceLoginSubmit },
  ];
}
