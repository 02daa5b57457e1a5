/** Test controls under /_sim/ (loopback only): clock, revocation, conditional access, faults, replication, latency, device codes, MFA, consent. */
import { aadIso } from '../clock';
import { JsonError, json, sendJson, type RequestContext, type Route, type SimContext } from '../http';
import { defaultControls, type Fault } from '../state';
import { findPendingByUserCode, pendingDeviceCodes } from './deviceCode';
import { DEFAULT_REVOCATION_EVENT, REVOCATION_EVENTS, isRevocationEvent, revoke as revokeTokens } from '../revocation';

function badRequest(message: string): JsonError {
  return new JsonError(400, { error: 'bad_request', message });
}

function clockBody(sim: SimContext) {
  return { now: sim.clock.now().toISOString() };
}

function advanceClock(ctx: RequestContext): void {
  const { advanceSeconds } = json<{ advanceSeconds?: number }>(ctx);
  if (typeof advanceSeconds !== 'number' || !Number.isFinite(advanceSeconds)) throw badRequest('advanceSeconds (number) is required.');
  ctx.sim.clock.advance(advanceSeconds);
  sendJson(ctx.res, 200, clockBody(ctx.sim));
}

/** What happened to the user decides which tokens die (revocation.ts); without `event`, all of them. */
function revoke(ctx: RequestContext): void {
  const { user, event = DEFAULT_REVOCATION_EVENT } = json<{ user?: string; event?: unknown }>(ctx);
  const found = user ? ctx.sim.state.findUser(user) : undefined;
  if (!found) throw new JsonError(404, { error: 'not_found', message: `No user '${user}'.` });
  if (!isRevocationEvent(event)) throw badRequest(`event must be one of ${REVOCATION_EVENTS.join(', ')}.`);
  const at = ctx.sim.clock.nowMs();
  const revoked = revokeTokens(found, event, at);
  sendJson(ctx.res, 200, { user: found.upn, event, revoked, tokensValidFrom: aadIso(at) });
}

function conditionalAccess(ctx: RequestContext): void {
  const { signInFrequencySeconds } = json<{ signInFrequencySeconds?: number | null }>(ctx);
  if (signInFrequencySeconds !== null && (typeof signInFrequencySeconds !== 'number' || signInFrequencySeconds < 0)) {
    throw badRequest('signInFrequencySeconds must be a non-negative number or null.');
  }
  ctx.sim.state.controls.signInFrequencySeconds = signInFrequencySeconds;
  sendJson(ctx.res, 200, { signInFrequencySeconds });
}

function addFault(ctx: RequestContext): void {
  const body = json<Partial<Fault>>(ctx);
  if (typeof body.path !== 'string') throw badRequest('path (substring of the request path; "" matches every request) is required.');
  if (body.status !== undefined && !FAULT_STATUSES.includes(body.status)) throw badRequest(`status must be one of ${FAULT_STATUSES.join(', ')}.`);
  if (body.status === undefined && !body.reset && !body.hang && body.latencyMs === undefined) {
    throw badRequest('Give at least one of status, reset, hang or latencyMs.');
  }
  if (body.afterCommit && !body.status && !body.reset) throw badRequest('afterCommit needs a status or reset to answer with.');
  const fault: Fault = {
    path: body.path,
    status: body.status,
    retryAfter: body.retryAfter,
    count: body.count ?? 1,
    reset: !!body.reset,
    hang: !!body.hang,
    latencyMs: body.latencyMs,
    afterCommit: !!body.afterCommit,
    method: typeof body.method === 'string' ? body.method.toUpperCase() : undefined,
  };
  ctx.sim.state.controls.faults.push(fault);
  sendJson(ctx.res, 200, { faults: ctx.sim.state.controls.faults });
}

/** 401 comes with an empty body, 502/504 with a gateway's HTML page (server.ts). */
const FAULT_STATUSES = [401, 429, 500, 502, 503, 504];

function setReplication(ctx: RequestContext): void {
  const { delayMs } = json<{ delayMs?: number }>(ctx);
  if (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0) throw badRequest('delayMs (non-negative number; 0 turns the delay off) is required.');
  ctx.sim.state.controls.replicationDelayMs = delayMs;
  sendJson(ctx.res, 200, { delayMs });
}

function clearFaults(ctx: RequestContext): void {
  ctx.sim.state.controls.faults = [];
  sendJson(ctx.res, 200, { faults: [] });
}

function setLatency(ctx: RequestContext): void {
  const { ms, path } = json<{ ms?: number; path?: string }>(ctx);
  if (typeof ms !== 'number' || ms < 0) throw badRequest('ms (non-negative number) is required.');
  const rules = ctx.sim.state.controls.latency.filter((r) => r.path !== path);
  if (ms > 0) rules.push({ ms, path });
  ctx.sim.state.controls.latency = rules;
  sendJson(ctx.res, 200, { latency: rules });
}

function clearLatency(ctx: RequestContext): void {
  ctx.sim.state.controls.latency = [];
  sendJson(ctx.res, 200, { latency: [] });
}

function listDeviceCodes(ctx: RequestContext): void {
  sendJson(ctx.res, 200, {
    pending: pendingDeviceCodes(ctx.sim).map((d) => ({ userCode: d.userCode, clientId: d.clientId, scope: d.scope, expiresAt: new Date(d.expiresMs).toISOString() })),
  });
}

function decideDeviceCode(ctx: RequestContext, approve: boolean): void {
  const { userCode, user } = json<{ userCode?: string; user?: string }>(ctx);
  const record = userCode ? findPendingByUserCode(ctx.sim, userCode) : undefined;
  if (!record) throw new JsonError(404, { error: 'not_found', message: `No pending device code '${userCode}'.` });
  if (!approve) {
    record.status = 'denied';
  } else {
    const signedIn = ctx.sim.state.findUser(user ?? ctx.sim.secrets.user);
    if (!signedIn) throw new JsonError(404, { error: 'not_found', message: `No user '${user}'.` });
    Object.assign(record, { status: 'approved', userOid: signedIn.oid, authMs: ctx.sim.clock.nowMs(), mfa: ctx.sim.state.controls.mfaRequired });
  }
  sendJson(ctx.res, 200, { userCode: record.userCode, status: record.status });
}

function setMfa(ctx: RequestContext): void {
  const { required } = json<{ required?: boolean }>(ctx);
  if (typeof required !== 'boolean') throw badRequest('required (boolean) is required.');
  ctx.sim.state.controls.mfaRequired = required;
  sendJson(ctx.res, 200, { required });
}

function setConsent(ctx: RequestContext): void {
  const { appId, consented, resources } = json<{ appId?: string; consented?: boolean; resources?: string[] }>(ctx);
  const tenant = ctx.sim.state.findTenant(ctx.params.tenantId);
  if (!tenant) throw new JsonError(404, { error: 'not_found', message: `No tenant '${ctx.params.tenantId}'.` });
  if (!appId || typeof consented !== 'boolean') throw badRequest('appId and consented (boolean) are required.');
  if (resources !== undefined && (!Array.isArray(resources) || resources.some((r) => typeof r !== 'string'))) throw badRequest('resources must be resource app ids.');
  const state = ctx.sim.state;
  // Without `resources`: all or nothing. With them: only those resources' consent changes.
  if (!resources) state.setConsent(tenant.id, appId, consented);
  else if (consented) state.grantConsent(tenant.id, appId, resources);
  else for (const resource of resources) state.revokeConsent(tenant.id, appId, resource);
  sendJson(ctx.res, 200, { tenantId: tenant.id, appId: appId.toLowerCase(), consented, resources: state.consentedResources(tenant.id, appId) });
}

function reset(ctx: RequestContext): void {
  const sim = ctx.sim;
  sim.state.controls = defaultControls();
  sim.clock.reset();
  for (const user of sim.state.users.values()) delete user.revokedBefore;
  sendJson(ctx.res, 200, { reset: true, ...clockBody(sim) });
}

function stats(ctx: RequestContext): void {
  const routes = Object.fromEntries([...ctx.sim.state.stats.entries()].sort(([a], [b]) => a.localeCompare(b)));
  const total = [...ctx.sim.state.stats.values()].reduce((sum, n) => sum + n, 0);
  sendJson(ctx.res, 200, { total, routes });
}

function clearStats(ctx: RequestContext): void {
  ctx.sim.state.stats.clear();
  sendJson(ctx.res, 200, { total: 0, routes: {} });
}

export function controlRoutes(info: () => unknown): Route[] {
  return [
    { method: 'GET', path: '/_sim/clock', handler: (ctx) => sendJson(ctx.res, 200, clockBody(ctx.sim)) },
    { method: 'POST', path: '/_sim/clock', handler: advanceClock },
    { method: 'POST', path: '/_sim/revoke', handler: revoke },
    { method: 'POST', path: '/_sim/conditional-access', handler: conditionalAccess },
    { method: 'POST', path: '/_sim/faults', handler: addFault },
    { method: 'DELETE', path: '/_sim/faults', handler: clearFaults },
    { method: 'POST', path: '/_sim/replication', handler: setReplication },
    { method: 'POST', path: '/_sim/latency', handler: setLatency },
    { method: 'DELETE', path: '/_sim/latency', handler: clearLatency },
    { method: 'GET', path: '/_sim/device', handler: listDeviceCodes },
    { method: 'POST', path: '/_sim/device/approve', handler: (ctx) => decideDeviceCode(ctx, true) },
    { method: 'POST', path: '/_sim/device/deny', handler: (ctx) => decideDeviceCode(ctx, false) },
    { method: 'POST', path: '/_sim/mfa', handler: setMfa },
    { method: 'POST', path: '/_sim/customers/:tenantId/consent', handler: setConsent },
    { method: 'POST', path: '/_sim/reset', handler: reset },
    { method: 'GET', path: '/_sim/stats', handler: stats },
    { method: 'DELETE', path: '/_sim/stats', handler: clearStats },
    { method: 'GET', path: '/_sim/info', handler: (ctx) => sendJson(ctx.res, 200, info()) },
  ];
}
