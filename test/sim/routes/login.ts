/** Browser sign-in: a cookie session, the multi-step flow (sign-in, MFA, consent) and its page handlers. */
import { randomBytes, randomUUID } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import { aadErrorBody, aad, type AadError } from '../errors';
import { resolveScopes } from '../grants';
import { cookies, form, redirect, sendHtml, type RequestContext, type Route, type SimContext } from '../http';
import { cookieRevoked } from '../revocation';
import { sha256, type RedirectPlatform, type SimUser, type Tenant } from '../state';
import { consentPage, deviceConfirmPage, formPostPage, messagePage, mfaPage, signInPage } from './pages';

const SESSION_COOKIE = 'simSession';
const CODE_LIFETIME_MS = 10 * 60 * 1000;

interface BrowserSession {
  id: string;
  userOid?: string;
  mfa: boolean;
  authMs?: number;
}

export interface LoginFlow {
  id: string;
  kind: 'authorize' | 'device';
  sessionId: string;
  clientId: string;
  appName: string;
  /** Tenant id, or 'multi' for common/organizations. */
  tenant: string;
  scope: string;
  forceLogin: boolean;
  forceConsent: boolean;
  loginHint?: string;
  redirectUri?: string;
  responseMode?: string;
  state?: string;
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  /** authorize flows: the platform of the matched redirect. */
  platform?: RedirectPlatform;
  userCode?: string;
  userOid?: string;
  mfaDone: boolean;
  authMs?: number;
  consentDone: boolean;
}

export class LoginStore {
  sessions = new Map<string, BrowserSession>();
  flows = new Map<string, LoginFlow>();

  session(ctx: RequestContext): { session: BrowserSession; setCookie?: string } {
    const id = cookies(ctx.req)[SESSION_COOKIE];
    const existing = id ? this.sessions.get(id) : undefined;
    if (existing) return { session: existing };
    const session: BrowserSession = { id: randomUUID(), mfa: false };
    this.sessions.set(session.id, session);
    return { session, setCookie: `${SESSION_COOKIE}=${session.id}; Path=/; HttpOnly; Secure; SameSite=None` };
  }

  startFlow(fields: Omit<LoginFlow, 'id' | 'mfaDone' | 'consentDone'>): LoginFlow {
    const flow: LoginFlow = { ...fields, id: randomBytes(18).toString('base64url'), mfaDone: false, consentDone: false };
    this.flows.set(flow.id, flow);
    return flow;
  }
}

function flowFromForm(ctx: RequestContext, params: URLSearchParams): LoginFlow | undefined {
  return ctx.sim.login.flows.get(params.get('flow') ?? '');
}

function homeTenant(sim: SimContext, user: SimUser): Tenant {
  return sim.state.findTenant(user.tenantId)!;
}

function flowTenant(sim: SimContext, flow: LoginFlow, user: SimUser): Tenant {
  return flow.tenant === 'multi' ? homeTenant(sim, user) : sim.state.findTenant(flow.tenant)!;
}

/** Sends the browser back to the app with an error, as Microsoft does once the redirect URI is trusted. */
function redirectError(ctx: RequestContext, flow: LoginFlow, err: AadError): void {
  const body = aadErrorBody(err, ctx.sim.baseUrl, undefined, ctx.sim.clock.now());
  const fields: Record<string, string> = { error: err.error, error_description: body.error_description, error_uri: body.error_uri };
  if (flow.state !== undefined) fields.state = flow.state;
  finishRedirect(ctx, flow, fields);
}

function finishRedirect(ctx: RequestContext, flow: LoginFlow, fields: Record<string, string>): void {
  ctx.sim.login.flows.delete(flow.id);
  if (flow.responseMode === 'form_post') {
    sendHtml(ctx.res, 200, formPostPage(flow.redirectUri!, fields));
    return;
  }
  const target = new URL(flow.redirectUri!);
  const query = new URLSearchParams(fields).toString();
  if (flow.responseMode === 'fragment') target.hash = query;
  else target.search = target.search ? `${target.search}&${query}` : query;
  redirect(ctx.res, target.toString());
}

/** Renders the next page the flow needs, or completes it. */
export function continueFlow(ctx: RequestContext, flow: LoginFlow, setCookie?: string): void {
  const sim = ctx.sim;
  const headers: Record<string, string> = setCookie ? { 'set-cookie': setCookie } : {};
  const session = sim.login.sessions.get(flow.sessionId)!;
  // A revoked sign-in cookie (a password change, revocation.ts) no longer signs the user in.
  if (session.userOid && cookieRevoked(sim.state.users.get(session.userOid)!, session.authMs)) {
    Object.assign(session, { userOid: undefined, authMs: undefined, mfa: false });
  }
  if (!flow.userOid && session.userOid && !flow.forceLogin) {
    flow.userOid = session.userOid;
    flow.authMs = session.authMs;
    flow.mfaDone = session.mfa;
  }
  if (!flow.userOid) {
    sendHtml(ctx.res, 200, signInPage(flow.id, { loginHint: flow.loginHint, appName: flow.appName }), headers);
    return;
  }
  const user = sim.state.users.get(flow.userOid)!;
  if (sim.state.controls.mfaRequired && !flow.mfaDone) {
    sendHtml(ctx.res, 200, mfaPage(flow.id, { upn: user.upn }), headers);
    return;
  }
  if (flow.kind === 'device') {
    sendHtml(ctx.res, 200, deviceConfirmPage(flow.id, { upn: user.upn, appName: flow.appName }), headers);
    return;
  }
  const tenant = flowTenant(sim, flow, user);
  if (tenant.id !== user.tenantId) {
    const customer = sim.state.customersById.get(tenant.id);
    if (!customer || !sim.state.hasDelegatedAccess(customer, sim.clock.nowMs())) {
      redirectError(ctx, flow, aad.notInTenant(user.upn, user.tenantId, tenant.displayName, flow.clientId, flow.appName));
      return;
    }
  }
  const needsConsent = flow.forceConsent || !sim.state.isConsented(tenant.id, flow.clientId);
  if (needsConsent && !flow.consentDone) {
    const scopes = resolveScopes(flow.scope, null, tenant.displayName);
    const permissions = [...scopes.permissions.map((p) => `${p} (${scopes.resource.replace(/\/+$/, '')})`), 'Maintain access to data you have given it access to', 'Sign you in and read your profile'];
    sendHtml(ctx.res, 200, consentPage(flow.id, { upn: user.upn, appName: flow.appName, permissions, tenantName: tenant.displayName }), headers);
    return;
  }
  const code = `1.A${randomBytes(400).toString('base64url')}`;
  sim.state.authCodes.set(sha256(code), {
    hash: sha256(code),
    clientId: flow.clientId,
    redirectUri: flow.redirectUri!,
    codeChallenge: flow.codeChallenge ?? '',
    codeChallengeMethod: flow.codeChallengeMethod ?? 'S256',
    scope: flow.scope,
    tenant: flow.tenant,
    nonce: flow.nonce,
    userOid: user.oid,
    authMs: flow.authMs!,
    mfa: flow.mfaDone,
    platform: flow.platform ?? 'public',
    expiresMs: sim.clock.nowMs() + CODE_LIFETIME_MS,
    used: false,
  });
  const fields: Record<string, string> = { code };
  if (flow.state !== undefined) fields.state = flow.state;
  fields.session_state = flow.sessionId;
  finishRedirect(ctx, flow, fields);
}

function expiredFlowPage(ctx: RequestContext): void {
  sendHtml(ctx.res, 400, messagePage('Sign-in session expired', 'AADSTS50058: A silent sign-in request was sent but no user is signed in. Start the sign-in again from the app.'));
}

function password(ctx: RequestContext): void {
  const params = form(ctx);
  const flow = flowFromForm(ctx, params);
  if (!flow) return expiredFlowPage(ctx);
  const upn = (params.get('username') ?? '').trim();
  const user = ctx.sim.state.findUser(upn);
  if (!user) {
    const error = `AADSTS50034: The user account ${upn} does not exist in the ${ctx.sim.state.partner.domain} directory. To sign into this application, the account must be added to the directory.`;
    return sendHtml(ctx.res, 200, signInPage(flow.id, { loginHint: upn, appName: flow.appName, error }));
  }
  if (user.passwordHash !== sha256(params.get('password') ?? '')) {
    const error = 'AADSTS50126: Error validating credentials due to invalid username or password.';
    return sendHtml(ctx.res, 200, signInPage(flow.id, { loginHint: upn, appName: flow.appName, error }));
  }
  flow.userOid = user.oid;
  flow.authMs = ctx.sim.clock.nowMs();
  flow.mfaDone = false;
  const session = ctx.sim.login.sessions.get(flow.sessionId)!;
  Object.assign(session, { userOid: user.oid, authMs: flow.authMs, mfa: false });
  continueFlow(ctx, flow);
}

function totpMatches(secret: string, code: string): boolean {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  return totp.validate({ token: code.trim(), window: 1 }) !== null;
}

function mfa(ctx: RequestContext): void {
  const params = form(ctx);
  const flow = flowFromForm(ctx, params);
  if (!flow || !flow.userOid) return expiredFlowPage(ctx);
  const user = ctx.sim.state.users.get(flow.userOid)!;
  if (!totpMatches(user.totpSecret, params.get('otc') ?? '')) {
    return sendHtml(ctx.res, 200, mfaPage(flow.id, { upn: user.upn, error: "You didn't enter the expected verification code. Please try again." }));
  }
  flow.mfaDone = true;
  const session = ctx.sim.login.sessions.get(flow.sessionId)!;
  session.mfa = true;
  continueFlow(ctx, flow);
}

function consent(ctx: RequestContext): void {
  const params = form(ctx);
  const flow = flowFromForm(ctx, params);
  if (!flow || !flow.userOid) return expiredFlowPage(ctx);
  if (params.get('action') !== 'accept') return redirectError(ctx, flow, aad.userDeclined());
  const user = ctx.sim.state.users.get(flow.userOid)!;
  ctx.sim.state.setConsent(flowTenant(ctx.sim, flow, user).id, flow.clientId, true);
  flow.consentDone = true;
  continueFlow(ctx, flow);
}

function deviceConfirm(ctx: RequestContext): void {
  const params = form(ctx);
  const flow = flowFromForm(ctx, params);
  if (!flow || !flow.userOid || flow.kind !== 'device') return expiredFlowPage(ctx);
  ctx.sim.login.flows.delete(flow.id);
  const record = [...ctx.sim.state.deviceCodes.values()].find((d) => d.userCode === flow.userCode);
  if (!record || record.status !== 'pending') return sendHtml(ctx.res, 400, messagePage('Code expired', 'That code has expired or was already used. Start again from your device.'));
  if (params.get('action') !== 'continue') {
    record.status = 'denied';
    return sendHtml(ctx.res, 200, messagePage('Sign-in cancelled', 'You cancelled the sign-in. You can close this window.'));
  }
  Object.assign(record, { status: 'approved', userOid: flow.userOid, authMs: flow.authMs, mfa: flow.mfaDone });
  sendHtml(ctx.res, 200, messagePage(flow.appName, `You have signed in to the ${flow.appName} application on your device. You may now close this window.`));
}

export function loginRoutes(): Route[] {
  return [
    { method: 'POST', path: '/common/login', name: 'sign-in page', handler: password },
    { method: 'POST', path: '/common/SAS/ProcessAuth', name: 'mfa page', handler: mfa },
    { method: 'POST', path: '/common/Consent/Set', name: 'consent page', handler: consent },
    { method: 'POST', path: '/common/devicelogin/confirm', name: 'device confirm page', handler: deviceConfirm },
  ];
}
