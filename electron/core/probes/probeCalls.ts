/**
 * One cheap, read-only call per resource in a customer's tenant, made with the token just minted
 * there, and what its answer means, as CIPP's tenant access test asks (CIPP-API
 * Test-CIPPAccessTenant.ps1, New-ExoRequest.ps1). The calls live here; the reading of each answer
 * is pure (interpret*), so it can be tested without a network.
 */
import type { AccessResource } from '../../ipc/accessCheck';
import type { ProbeOutcome } from '../../ipc/readiness';
import type { CloudEndpoints } from '../../shared/cloud';
import { readJson, type HttpClient, type HttpRequest, type HttpResponse } from '../http/httpClient';
import { serviceErrorFrom } from '../http/serviceError';

type Failed = Extract<ProbeOutcome, { status: 'failed' }>;

/** The mailbox Exchange routes an organization's admin calls to (CIPP-API New-ExoRequest.ps1). */
const SYSTEM_MAILBOX = 'SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}';

/** The request that probes `resource` in `tenantId`; Partner Center's is asked per customer elsewhere (fetchCustomerDap). */
function probeRequest(cloud: CloudEndpoints, resource: Exclude<AccessResource, 'partnercenter'>, tenantId: string, accessToken: string): HttpRequest {
  const headers = { authorization: `Bearer ${accessToken}`, accept: 'application/json' };
  switch (resource) {
    case 'graph':
      // List users: a partner user reads them only through a role (https://learn.microsoft.com/graph/api/user-list).
      return { method: 'GET', url: `${cloud.graphApi}/v1.0/users?$top=1&$select=id`, headers };
    case 'azure':
      // Subscriptions - List (https://learn.microsoft.com/rest/api/resources/subscriptions/list), in the token's tenant.
      return { method: 'GET', url: `${cloud.resourceManagerApi}/subscriptions?api-version=2022-12-01`, headers };
    case 'exchange':
      return {
        method: 'POST',
        url: `${cloud.exchangeAdminApi}/adminapi/beta/${encodeURIComponent(tenantId)}/InvokeCommand`,
        headers: { ...headers, 'content-type': 'application/json; charset=utf-8', 'x-anchormailbox': `APP:${SYSTEM_MAILBOX}@${tenantId}`, prefer: 'odata.maxpagesize=1' },
        body: JSON.stringify({ CmdletInput: { CmdletName: 'Get-OrganizationConfig', Parameters: {} } }),
        // A Get- cmdlet changes nothing: safe to send again after a dropped connection.
        retrySafe: true,
      };
  }
}

export async function probe(http: HttpClient, cloud: CloudEndpoints, resource: Exclude<AccessResource, 'partnercenter'>, tenantId: string, accessToken: string, signal?: AbortSignal): Promise<ProbeOutcome> {
  const response = await http.send({ ...probeRequest(cloud, resource, tenantId, accessToken), signal });
  return interpreters[resource](response);
}

const interpreters: Record<Exclude<AccessResource, 'partnercenter'>, (response: HttpResponse) => ProbeOutcome> = {
  graph: interpretGraph,
  azure: interpretResourceManager,
  exchange: interpretExchange,
};

/** Graph's `GET /users`: 403 Authorization_RequestDenied means the roles held there do not read the directory. */
export function interpretGraph(response: HttpResponse): ProbeOutcome {
  if (response.status === 200) return { status: 'ok', detail: 'Microsoft Graph read the directory' };
  if (response.status === 403 && errorCode(response) === 'Authorization_RequestDenied') {
    return roleMissing(
      'Microsoft Graph refused to read this customer’s users (Authorization_RequestDenied): none of your roles there reads the directory.',
      'Use a GDAP relationship with Directory Readers, Global Reader or User Administrator, assigned to a security group you are in.',
      'Authorization_RequestDenied',
    );
  }
  return serviceFailure('Microsoft Graph', response);
}

/**
 * Exchange's admin endpoint: 401/403 "User is not allowed to call Get-OrganizationConfig" means
 * the roles held there include no Exchange role (as reported in MicrosoftDocs/office-docs-powershell#7970).
 */
export function interpretExchange(response: HttpResponse): ProbeOutcome {
  if (response.status === 200) return { status: 'ok', detail: 'Exchange Online answered Get-OrganizationConfig' };
  const message = readJson<{ error?: { message?: string } }>(response)?.error?.message ?? '';
  if ((response.status === 401 || response.status === 403) && /is not allowed to call/i.test(message)) {
    return roleMissing(
      `Exchange Online refused Get-OrganizationConfig (“${message.slice(0, 120)}”): you hold no Exchange role in this customer.`,
      'Use a GDAP relationship with Exchange Administrator, assigned to a security group you are in.',
      'Unauthorized',
    );
  }
  return serviceFailure('Exchange Online', response);
}

/**
 * Resource Manager lists the subscriptions of the token's tenant on which the admin holds an Azure
 * role; an account with none gets an empty list, not an error. GDAP's Entra roles give no Azure
 * access (https://learn.microsoft.com/partner-center/gdap-introduction).
 */
export function interpretResourceManager(response: HttpResponse): ProbeOutcome {
  if (response.status === 200) {
    const count = readJson<{ value?: unknown[] }>(response)?.value?.length ?? 0;
    if (count > 0) return { status: 'ok', detail: count === 1 ? '1 Azure subscription' : `${count} Azure subscriptions` };
    return {
      status: 'failed',
      step: 'call',
      problem: 'no-subscription',
      label: 'No subscriptions',
      reason: 'Azure Resource Manager lists no subscription you hold an Azure role on in this customer.',
      action: 'Azure access comes from Azure roles, not GDAP: ask for Reader (or more) on the customer’s subscription for your Admin Agents or a security group you are in, or buy the subscription through CSP (Admin Agents then hold Owner).',
    };
  }
  if (response.status === 403 && errorCode(response) === 'AuthorizationFailed') {
    return roleMissing('Azure Resource Manager refused to list this customer’s subscriptions (AuthorizationFailed).', 'Ask for an Azure role (Reader or more) on the customer’s subscription.', 'AuthorizationFailed');
  }
  return serviceFailure('Azure Resource Manager', response);
}

function roleMissing(reason: string, action: string, code: string): Failed {
  return { status: 'failed', step: 'call', problem: 'role-missing', label: 'Role missing', reason, action, code };
}

function serviceFailure(service: string, response: HttpResponse): Failed {
  const error = serviceErrorFrom(service, response);
  const throttled = response.status === 429;
  return {
    status: 'failed',
    step: 'call',
    problem: throttled ? 'throttled' : 'other',
    label: throttled ? 'Throttled' : `HTTP ${response.status}`,
    reason: error.message,
    action: 'Run Check access again later.',
    ...(error.code ? { code: error.code } : {}),
  };
}

function errorCode(response: HttpResponse): string | undefined {
  return readJson<{ error?: { code?: string } }>(response)?.error?.code;
}
