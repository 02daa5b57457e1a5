/**
 * Exchange Online's admin REST endpoint, as ExchangeOnlineManagement 3 and CIPP-API's New-ExoRequest.ps1
 * call it: `POST https://outlook.office365.com/adminapi/beta/{tenant}/InvokeCommand` with
 * `{"CmdletInput":{"CmdletName":"Get-OrganizationConfig","Parameters":{}}}` and a token for
 * https://outlook.office365.com issued in that tenant. Served at `/exchange`.
 *
 * A user whose Exchange roles do not include the cmdlet gets HTTP 401 `Unauthorized` "User is not
 * allowed to call …" (MicrosoftDocs/office-docs-powershell#7970 and #8058). Exchange Administrator
 * (Organization Management) and Global Administrator may; Global Reader reads configuration
 * (View-Only Organization Management: Microsoft365DSC's EXO* settings.json, "read": Global Reader).
 */
import type { JWTPayload } from 'jose';
import { holdsAnyRole } from '../directoryRoles';
import { ENTRA_ROLE_IDS } from '../entraRoles';
import { JsonError, bearerToken, json, sendJson, type RequestContext, type Route } from '../http';

const EXCHANGE = 'https://outlook.office365.com';

/** Which Entra roles may run each cmdlet the simulator knows (assumption beyond the three above). */
const CMDLET_ROLES: Record<string, string[]> = {
  'Get-OrganizationConfig': ['Global Administrator', 'Exchange Administrator', 'Global Reader'].map((name) => ENTRA_ROLE_IDS[name]!),
};

export function exchangeErrorBody(code: string, message: string) {
  return { error: { code, message, innererror: { message, type: 'Microsoft.Exchange.Admin.OData.Core.ODataServiceException' } } };
}

async function authenticate(ctx: RequestContext): Promise<JWTPayload> {
  const token = bearerToken(ctx.req);
  // Assumption: an absent, invalid or foreign-tenant token is a 401 in the same shape.
  const refuse = (message: string) => new JsonError(401, exchangeErrorBody('Unauthorized', message), { 'www-authenticate': 'Bearer' });
  if (!token) throw refuse('The request has no access token.');
  let claims: JWTPayload;
  try {
    claims = await ctx.sim.tokens.verify(token, ctx.sim.clock.now());
  } catch {
    throw refuse('The access token is invalid or has expired.');
  }
  if (String(claims.aud).replace(/\/+$/, '') !== EXCHANGE) throw refuse(`The access token is not for ${EXCHANGE}.`);
  const tenant = ctx.sim.state.findTenant(ctx.params.tenant);
  if (!tenant || tenant.id !== claims.tid) throw refuse('The access token was not issued in this organization.');
  return claims;
}

async function invokeCommand(ctx: RequestContext): Promise<void> {
  const claims = await authenticate(ctx);
  const input = json<{ CmdletInput?: { CmdletName?: string; Parameters?: unknown } }>(ctx).CmdletInput;
  const cmdlet = input?.CmdletName ?? '';
  const roles = CMDLET_ROLES[cmdlet];
  if (!roles) throw new JsonError(400, exchangeErrorBody('BadRequest', `The simulated cloud runs only ${Object.keys(CMDLET_ROLES).join(', ')}, not '${cmdlet}'.`));
  const tenant = ctx.sim.state.findTenant(String(claims.tid))!;
  if (!holdsAnyRole(ctx.sim.state, String(claims.oid), tenant.id, roles, ctx.sim.clock.nowMs())) {
    throw new JsonError(401, exchangeErrorBody('Unauthorized', `User is not allowed to call ${cmdlet}`));
  }
  sendJson(ctx.res, 200, {
    '@odata.context': `${ctx.sim.baseUrl}/exchange/adminapi/beta/${tenant.id}/$metadata#Collection(Exchange.GenericHashTable)`,
    'adminapi.warnings': [],
    value: [{ Name: tenant.domain, DisplayName: tenant.displayName, Guid: tenant.id, IsDehydrated: false, OrganizationId: `${tenant.domain}\\${tenant.domain}` }],
  });
}

export function exchangeAdminRoutes(): Route[] {
  return [{ method: 'POST', path: '/exchange/adminapi/beta/:tenant/InvokeCommand', name: 'exchange InvokeCommand', handler: invokeCommand }];
}
