/**
 * Microsoft Graph v1.0 app management: applications (with upsert by uniqueName), their secrets, and
 * service principals (with upsert by appId). A new object is invisible to reads for the replication
 * delay (`/_sim/replication`), as Graph shows it: no documented SLA, seconds to minutes in practice
 * (microsoftgraph/msgraph-bicep-types#193; microsoftgraph/microsoft-graph-docs#17966).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { graphErrorBody } from '../errors';
import { JsonError, json, sendJson, type RequestContext, type Route } from '../http';
import { knownResourceByAppId, sha256, type AppRegistration, type ServicePrincipal } from '../state';
import { authenticate, graphError, page } from './graph';

const DAY_MS = 24 * 3600 * 1000;

export const visible = (ctx: RequestContext, objectId: string) => ctx.sim.state.isReplicated(objectId, ctx.sim.clock.nowMs());

export function resourceNotFound(ctx: RequestContext, id: string) {
  return graphError(ctx, 404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
}

/** Graph's upsert (https://learn.microsoft.com/graph/api/application-upsert): create only with `Prefer: create-if-missing`. */
function createIfMissing(ctx: RequestContext): boolean {
  return /(^|[,\s])create-if-missing($|[,\s;])/i.test(String(ctx.req.headers.prefer ?? ''));
}

function applicationJson(ctx: RequestContext, app: AppRegistration) {
  return {
    id: app.id,
    appId: app.appId,
    displayName: app.displayName,
    uniqueName: app.uniqueName ?? null,
    createdDateTime: app.createdDateTime,
    signInAudience: app.signInAudience,
    isFallbackPublicClient: app.isFallbackPublicClient,
    publicClient: { redirectUris: app.publicClientRedirectUris },
    spa: { redirectUris: app.spaRedirectUris },
    web: { redirectUris: app.webRedirectUris, implicitGrantSettings: { enableAccessTokenIssuance: false, enableIdTokenIssuance: false } },
    requiredResourceAccess: app.requiredResourceAccess,
    // A secret just added is not listed until it has replicated.
    passwordCredentials: app.passwordCredentials
      .filter((c) => visible(ctx, c.keyId))
      .map((c) => ({
        customKeyIdentifier: null, displayName: c.displayName, endDateTime: c.endDateTime, hint: c.hint, keyId: c.keyId, secretText: null, startDateTime: c.startDateTime,
      })),
    keyCredentials: [],
    publisherDomain: ctx.sim.state.partner.domain,
  };
}

/** Supports the one filter form clients use: appId eq '…'. */
function appIdFilter(ctx: RequestContext, resource: string): string | undefined {
  const filter = ctx.url.searchParams.get('$filter');
  if (!filter) return undefined;
  const match = /^\s*appId\s+eq\s+'([^']*)'\s*$/i.exec(filter);
  if (!match) throw graphError(ctx, 400, 'Request_UnsupportedQuery', `Unsupported or invalid query filter clause specified for property 'appId' of resource '${resource}'.`);
  return (match[1] ?? '').toLowerCase();
}

function ownApps(ctx: RequestContext, claims: JWTPayload): AppRegistration[] {
  return [...ctx.sim.state.apps.values()].filter((a) => a.ownerTenantId === claims.tid);
}

/** Reads and writes by object id both miss an app that has not replicated (assumption for writes). */
function findOwnApp(ctx: RequestContext, claims: JWTPayload): AppRegistration {
  const app = ownApps(ctx, claims).find((a) => a.id === ctx.params.id.toLowerCase() && visible(ctx, a.id));
  if (!app) throw resourceNotFound(ctx, ctx.params.id);
  return app;
}

async function listApplications(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  const appId = appIdFilter(ctx, 'Application');
  const all = ownApps(ctx, claims).filter((a) => visible(ctx, a.id) && (!appId || a.appId === appId)).map((a) => applicationJson(ctx, a));
  sendJson(ctx.res, 200, page(ctx, all, 'applications', 100, 999));
}

async function getApplication(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  sendJson(ctx.res, 200, applicationJson(ctx, findOwnApp(ctx, claims)));
}

async function getApplicationByUniqueName(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  const app = ownApps(ctx, claims).find((a) => a.uniqueName === ctx.params.uniqueName && visible(ctx, a.id));
  if (!app) throw resourceNotFound(ctx, `applications(uniqueName='${ctx.params.uniqueName}')`);
  sendJson(ctx.res, 200, applicationJson(ctx, app));
}

interface ApplicationBody {
  displayName?: string;
  signInAudience?: string;
  isFallbackPublicClient?: boolean;
  publicClient?: { redirectUris?: string[] };
  spa?: { redirectUris?: string[] };
  web?: { redirectUris?: string[] };
  requiredResourceAccess?: unknown[];
}

function applyApplicationBody(app: AppRegistration, body: ApplicationBody): void {
  if (body.displayName !== undefined) app.displayName = body.displayName;
  if (body.signInAudience !== undefined) app.signInAudience = body.signInAudience;
  if (body.isFallbackPublicClient !== undefined) app.isFallbackPublicClient = !!body.isFallbackPublicClient;
  if (body.publicClient?.redirectUris) app.publicClientRedirectUris = [...body.publicClient.redirectUris];
  if (body.spa?.redirectUris) app.spaRedirectUris = [...body.spa.redirectUris];
  if (body.web?.redirectUris) app.webRedirectUris = [...body.web.redirectUris];
  if (body.requiredResourceAccess) app.requiredResourceAccess = body.requiredResourceAccess;
}

function newApplication(ctx: RequestContext, claims: JWTPayload, body: ApplicationBody, uniqueName?: string): AppRegistration {
  if (!body.displayName) throw graphError(ctx, 400, 'Request_BadRequest', "Property 'displayName' is required.");
  const app: AppRegistration = {
    id: randomUUID(), appId: randomUUID(), displayName: body.displayName, ownerTenantId: String(claims.tid),
    signInAudience: 'AzureADMyOrg', publicClientRedirectUris: [], spaRedirectUris: [], webRedirectUris: [],
    isFallbackPublicClient: false, requiredResourceAccess: [], passwordCredentials: [],
    createdDateTime: ctx.sim.clock.now().toISOString(), firstParty: false, uniqueName,
  };
  applyApplicationBody(app, body);
  ctx.sim.state.apps.set(app.id, app);
  ctx.sim.state.markCreated(app.id, ctx.sim.clock.nowMs());
  return app;
}

async function createApplication(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  sendJson(ctx.res, 201, applicationJson(ctx, newApplication(ctx, claims, json<ApplicationBody>(ctx))));
}

/**
 * PATCH /applications(uniqueName='…'): 201 with the new app, or 204 after updating the one that
 * exists. The alternate key is checked on the write path, so an upsert repeated before the first
 * one has replicated updates it instead of making a second app.
 */
async function upsertApplication(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  const body = json<ApplicationBody>(ctx);
  const existing = ownApps(ctx, claims).find((a) => a.uniqueName === ctx.params.uniqueName);
  if (existing) {
    applyApplicationBody(existing, body);
    return void ctx.res.writeHead(204).end();
  }
  if (!createIfMissing(ctx)) throw resourceNotFound(ctx, `applications(uniqueName='${ctx.params.uniqueName}')`);
  sendJson(ctx.res, 201, applicationJson(ctx, newApplication(ctx, claims, body, ctx.params.uniqueName)));
}

async function updateApplication(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  applyApplicationBody(findOwnApp(ctx, claims), json<ApplicationBody>(ctx));
  ctx.res.writeHead(204).end();
}

async function addPassword(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  const app = findOwnApp(ctx, claims);
  const body = json<{ passwordCredential?: { displayName?: string; endDateTime?: string } }>(ctx);
  const now = ctx.sim.clock.nowMs();
  const secretText = `${randomBytes(3).toString('base64url').slice(0, 3)}8Q~${randomBytes(28).toString('base64url').slice(0, 37)}`;
  const credential = {
    keyId: randomUUID(),
    displayName: body.passwordCredential?.displayName ?? null,
    hint: secretText.slice(0, 3),
    secretHash: sha256(secretText),
    startDateTime: new Date(now).toISOString(),
    endDateTime: body.passwordCredential?.endDateTime ?? new Date(now + 730 * DAY_MS).toISOString(),
  };
  app.passwordCredentials.push(credential);
  ctx.sim.state.markCreated(credential.keyId, now);
  sendJson(ctx.res, 200, {
    '@odata.context': `${ctx.sim.baseUrl}/graph/v1.0/$metadata#microsoft.graph.passwordCredential`,
    customKeyIdentifier: null, displayName: credential.displayName, endDateTime: credential.endDateTime, hint: credential.hint,
    keyId: credential.keyId, secretText, startDateTime: credential.startDateTime,
  });
}

/** POST /applications/{id}/removePassword {keyId} (https://learn.microsoft.com/graph/api/application-removepassword). */
async function removePassword(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  const app = findOwnApp(ctx, claims);
  const { keyId } = json<{ keyId?: string }>(ctx);
  const index = app.passwordCredentials.findIndex((c) => c.keyId === keyId?.toLowerCase());
  if (index < 0) throw graphError(ctx, 400, 'Request_BadRequest', `No password credential found with keyId '${keyId}'.`);
  app.passwordCredentials.splice(index, 1);
  ctx.res.writeHead(204).end();
}

function servicePrincipalJson(ctx: RequestContext, sp: ServicePrincipal) {
  const app = ctx.sim.state.findApp(sp.appId);
  return {
    id: sp.id, appId: sp.appId, displayName: sp.displayName, servicePrincipalType: 'Application', accountEnabled: true,
    appOwnerOrganizationId: app?.ownerTenantId ?? null,
  };
}

function explicitServicePrincipal(ctx: RequestContext, claims: JWTPayload, appId: string): ServicePrincipal | undefined {
  return ctx.sim.state.servicePrincipals.find((sp) => sp.tenantId === claims.tid && sp.appId === appId.toLowerCase());
}

async function listServicePrincipals(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  const appId = appIdFilter(ctx, 'ServicePrincipal');
  const all = ctx.sim.state.servicePrincipals
    .filter((sp) => sp.tenantId === claims.tid && (!appId || sp.appId === appId) && visible(ctx, sp.id))
    .map((sp) => servicePrincipalJson(ctx, sp));
  sendJson(ctx.res, 200, page(ctx, all, 'servicePrincipals', 100, 999));
}

async function getServicePrincipalByAppId(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  const sp = explicitServicePrincipal(ctx, claims, ctx.params.appId);
  if (!sp || !visible(ctx, sp.id)) throw resourceNotFound(ctx, `servicePrincipals(appId='${ctx.params.appId}')`);
  sendJson(ctx.res, 200, servicePrincipalJson(ctx, sp));
}

/**
 * A service principal needs its application: one created seconds ago is not found yet, which Graph
 * reports as NoBackingApplicationObject (learn.microsoft.com/answers/questions/5883620; CIPP-API
 * PR #1955). Microsoft's own resource apps (Graph, Exchange, …) can be instantiated in any tenant.
 */
function newServicePrincipal(ctx: RequestContext, claims: JWTPayload, appId: string | undefined): ServicePrincipal {
  const app = appId ? ctx.sim.state.findApp(appId) : undefined;
  const resource = appId ? knownResourceByAppId(appId) : undefined;
  if ((!app || !visible(ctx, app.id)) && !resource) throw noBackingApplication(ctx, appId);
  const sp: ServicePrincipal = {
    id: randomUUID(),
    appId: app?.appId ?? resource!.appId,
    displayName: app?.displayName ?? resource!.displayName,
    tenantId: String(claims.tid),
  };
  ctx.sim.state.servicePrincipals.push(sp);
  ctx.sim.state.markCreated(sp.id, ctx.sim.clock.nowMs());
  return sp;
}

function noBackingApplication(ctx: RequestContext, appId: string | undefined) {
  const message = `The appId '${appId}' of the service principal does not reference a valid application object.`;
  const { error } = graphErrorBody('Request_BadRequest', message, ctx.correlationId, ctx.sim.clock.now());
  const { innerError, ...rest } = error;
  return new JsonError(400, { error: { ...rest, details: [{ code: 'NoBackingApplicationObject', message, target: 'appId' }], innerError } });
}

async function createServicePrincipal(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  const { appId } = json<{ appId?: string }>(ctx);
  if (appId && explicitServicePrincipal(ctx, claims, appId)) {
    throw graphError(ctx, 409, 'Request_MultipleObjectsWithSameKeyValue', 'The service principal cannot be created because one already exists for this application.');
  }
  sendJson(ctx.res, 201, servicePrincipalJson(ctx, newServicePrincipal(ctx, claims, appId)));
}

/** PATCH /servicePrincipals(appId='…') (https://learn.microsoft.com/graph/api/serviceprincipal-upsert): 201 new, 204 existing. */
async function upsertServicePrincipal(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  if (explicitServicePrincipal(ctx, claims, ctx.params.appId)) return void ctx.res.writeHead(204).end();
  if (!createIfMissing(ctx)) throw resourceNotFound(ctx, `servicePrincipals(appId='${ctx.params.appId}')`);
  sendJson(ctx.res, 201, servicePrincipalJson(ctx, newServicePrincipal(ctx, claims, ctx.params.appId)));
}

export function graphAppRoutes(): Route[] {
  const v1 = '/graph/v1.0';
  return [
    { method: 'GET', path: `${v1}/applications`, name: 'graph applications', handler: listApplications },
    { method: 'POST', path: `${v1}/applications`, name: 'graph applications', handler: createApplication },
    { method: 'GET', path: `${v1}/applications(uniqueName=':uniqueName')`, name: 'graph application', handler: getApplicationByUniqueName },
    { method: 'PATCH', path: `${v1}/applications(uniqueName=':uniqueName')`, name: 'graph application upsert', handler: upsertApplication },
    { method: 'GET', path: `${v1}/applications/:id`, name: 'graph application', handler: getApplication },
    { method: 'PATCH', path: `${v1}/applications/:id`, name: 'graph application', handler: updateApplication },
    { method: 'POST', path: `${v1}/applications/:id/addPassword`, name: 'graph addPassword', handler: addPassword },
    { method: 'POST', path: `${v1}/applications/:id/removePassword`, name: 'graph removePassword', handler: removePassword },
    { method: 'GET', path: `${v1}/servicePrincipals`, name: 'graph servicePrincipals', handler: listServicePrincipals },
    { method: 'POST', path: `${v1}/servicePrincipals`, name: 'graph servicePrincipals', handler: createServicePrincipal },
    { method: 'GET', path: `${v1}/servicePrincipals(appId=':appId')`, name: 'graph servicePrincipal', handler: getServicePrincipalByAppId },
    { method: 'PATCH', path: `${v1}/servicePrincipals(appId=':appId')`, name: 'graph servicePrincipal upsert', handler: upsertServicePrincipal },
  ];
}
