/** The authorize endpoint (v2 and v1) and sign-out. */
import { aadErrorBody, aad, AadError } from '../errors';
import { findClientApp, resolveScopes, resolveTenantSegment } from '../grants';
import { escapeHtml, redirect, sendHtml, sendJson, type RequestContext, type Route } from '../http';
import type { AppRegistration, RedirectPlatform } from '../state';
import { continueFlow } from './login';
import { messagePage } from './pages';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Microsoft's loopback rule: for http://localhost and http://127.0.0.1 the port is ignored. */
function redirectMatches(registered: string, requested: string): boolean {
  if (registered === requested) return true;
  let a: URL;
  let b: URL;
  try {
    a = new URL(registered);
    b = new URL(requested);
  } catch {
    return false;
  }
  const samePath = (a.pathname || '/') === (b.pathname || '/');
  if (a.protocol === 'http:' && b.protocol === 'http:' && LOOPBACK_HOSTS.has(a.hostname) && LOOPBACK_HOSTS.has(b.hostname)) {
    return samePath;
  }
  return a.origin === b.origin && samePath;
}

/**
 * The platform of the registered redirect that matches. Microsoft warns that where several match
 * (only the port differs) it "will pick one arbitrarily" (https://learn.microsoft.com/entra/identity-platform/reply-url);
 * the simulator picks in a fixed order.
 */
function classifyRedirect(app: AppRegistration, redirectUri: string): RedirectPlatform | undefined {
  if (app.publicClientRedirectUris.some((r) => redirectMatches(r, redirectUri))) return 'public';
  if (app.spaRedirectUris.some((r) => redirectMatches(r, redirectUri))) return 'spa';
  if (app.webRedirectUris.some((r) => redirectMatches(r, redirectUri))) return 'web';
  return undefined;
}

/** Errors before the redirect URI is trusted are shown to the user, never sent to the redirect URI. */
function showError(ctx: RequestContext, err: AadError): void {
  const body = aadErrorBody(err, ctx.sim.baseUrl, ctx.correlationId, ctx.sim.clock.now());
  if (!(ctx.req.headers.accept ?? '').includes('text/html')) return sendJson(ctx.res, err.status, body);
  sendHtml(ctx.res, err.status, messagePage('Sign in', body.error_description).replace('</h1>', `</h1><p class="error" role="alert">${escapeHtml(err.error)}</p>`));
}

function authorize(ctx: RequestContext): void {
  const q = ctx.url.searchParams;
  try {
    const selected = resolveTenantSegment(ctx.sim, ctx.params.tenant);
    const app = findClientApp(ctx.sim, q.get('client_id'), selected);
    const redirectUri = q.get('redirect_uri');
    if (!redirectUri) throw aad.missingParameter('redirect_uri');
    const kind = classifyRedirect(app, redirectUri);
    if (!kind) throw aad.redirectMismatch(redirectUri, app.appId);
    if (q.get('response_type') !== 'code') throw aad.unsupportedResponseType();
    const codeChallenge = q.get('code_challenge') ?? '';
    const method = q.get('code_challenge_method') ?? (codeChallenge ? 'plain' : '');
    // Public and SPA clients must use PKCE with S256 (the sim is stricter than Microsoft here, on purpose).
    if (kind !== 'web' && (!codeChallenge || method !== 'S256')) throw aad.pkceRequired();
    const v1 = ctx.url.pathname.endsWith('/oauth2/authorize');
    const scope = v1 ? `${q.get('resource') ?? 'https://graph.microsoft.com'}/.default openid` : q.get('scope') ?? 'openid profile';
    resolveScopes(scope, null, selected === 'multi' ? 'common' : selected.displayName);
    const prompt = q.get('prompt') ?? '';
    const { session, setCookie } = ctx.sim.login.session(ctx);
    const flow = ctx.sim.login.startFlow({
      kind: 'authorize',
      sessionId: session.id,
      clientId: app.appId,
      appName: app.displayName,
      tenant: selected === 'multi' ? 'multi' : selected.id,
      scope,
      forceLogin: prompt === 'login' || prompt === 'select_account',
      forceConsent: prompt === 'consent' || prompt === 'admin_consent',
      loginHint: q.get('login_hint') ?? undefined,
      redirectUri,
      responseMode: q.get('response_mode') ?? 'query',
      state: q.get('state') ?? undefined,
      nonce: q.get('nonce') ?? undefined,
      codeChallenge,
      codeChallengeMethod: method,
      platform: kind,
    });
    continueFlow(ctx, flow, setCookie);
  } catch (err) {
    if (err instanceof AadError) return showError(ctx, err);
    throw err;
  }
}

function logout(ctx: RequestContext): void {
  const { session } = ctx.sim.login.session(ctx);
  ctx.sim.login.sessions.delete(session.id);
  const expire = 'simSession=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=None';
  const target = ctx.url.searchParams.get('post_logout_redirect_uri');
  if (target) return redirect(ctx.res, target, { 'set-cookie': expire });
  sendHtml(ctx.res, 200, messagePage('You signed out of your account', "It's a good idea to close all browser windows."), { 'set-cookie': expire });
}

export function authorizeRoutes(): Route[] {
  return [
    { method: 'GET', path: '/:tenant/oauth2/v2.0/authorize', name: 'authorize v2', handler: authorize },
    { method: 'GET', path: '/:tenant/oauth2/authorize', name: 'authorize v1', handler: authorize },
    { method: 'GET', path: '/:tenant/oauth2/v2.0/logout', name: 'logout', handler: logout },
    { method: 'GET', path: '/:tenant/oauth2/logout', name: 'logout', handler: logout },
  ];
}
