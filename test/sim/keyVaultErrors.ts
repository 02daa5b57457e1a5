/**
 * Azure Key Vault's and Azure Resource Manager's error bodies: `{"error":{"code","message"}}`, with
 * `innererror.code` where Key Vault adds one. Shapes and texts from
 * https://learn.microsoft.com/azure/key-vault/general/authentication-requests-and-responses and
 * the recorded service responses listed in test/sim/README.md.
 */
import { JsonError } from './http';

function keyVaultErrorBody(code: string, message: string, innerCode?: string) {
  return { error: { code, message, ...(innerCode ? { innererror: { code: innerCode } } : {}) } };
}

const error = (status: number, code: string, message: string, innerCode?: string, headers: Record<string, string> = {}) =>
  new JsonError(status, keyVaultErrorBody(code, message, innerCode), headers);

/** The challenge every 401 carries: where to get a token, for which resource. */
function keyVaultChallenge(tenantId: string): string {
  return `Bearer authorization="https://login.windows.net/${tenantId}", resource="https://vault.azure.net"`;
}

export const kv = {
  missingToken: (tenantId: string) =>
    error(401, 'Unauthorized', 'AKV10000: Request is missing a Bearer or PoP token.', undefined, { 'www-authenticate': keyVaultChallenge(tenantId) }),
  // Assumption: the AKV code numbers of these three are not documented; the 401 + challenge is.
  invalidToken: (tenantId: string, reason: string) =>
    error(401, 'Unauthorized', `AKV10022: Invalid token: ${reason}`, undefined, { 'www-authenticate': keyVaultChallenge(tenantId) }),
  forbiddenByRbac: (details: { appId: string; oid: string; tenantId: string; action: string; resource: string; vault: string; location: string }) =>
    error(
      403,
      'Forbidden',
      [
        'Caller is not authorized to perform action on resource.',
        'If role assignments, deny assignments or role definitions were changed recently, please observe propagation time.',
        `Caller: appid=${details.appId};oid=${details.oid};iss=https://sts.windows.net/${details.tenantId}/`,
        `Action: '${details.action}'`,
        `Resource: '${details.resource}'`,
        'Assignment: (not found)',
        'DenyAssignmentId: null',
        "DecisionReason: 'DeniedWithNoValidRBAC' ",
        `Vault: ${details.vault};location=${details.location}`,
        '',
      ].join('\r\n'),
      'ForbiddenByRbac',
    ),
  secretNotFound: (name: string) =>
    error(
      404,
      'SecretNotFound',
      `A secret with (name/id) ${name} was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182`,
    ),
  deletedSecretNotFound: (name: string) => error(404, 'SecretNotFound', `Deleted Secret not found: ${name}`),
  deletedButRecoverable: (name: string) =>
    error(
      409,
      'Conflict',
      `Secret ${name} is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the secret can only be recovered or purged.`,
      'ObjectIsDeletedButRecoverable',
    ),
  badParameter: (message: string) => error(400, 'BadParameter', message),
  // "Failed requests that return a 429 do not count towards the throttle limits"; real 429s may carry no Retry-After.
  throttled: (retryAfterSeconds?: number) =>
    error(
      429,
      'Throttled',
      'Request was not processed because too many requests were received. Reason: VaultRequestTypeLimitReached',
      undefined,
      retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) },
    ),
  vaultNotFound: (name: string) => error(404, 'VaultNotFound', `No vault named ${name} is served here.`),
};

/** Azure Resource Manager's errors (https://learn.microsoft.com/azure/azure-resource-manager/troubleshooting/common-deployment-errors). */
export const arm = {
  missingToken: () =>
    new JsonError(401, { error: { code: 'AuthenticationFailed', message: "Authentication failed. The 'Authorization' header is missing." } }, {
      'www-authenticate': 'Bearer authorization_uri="https://login.windows.net/", error="invalid_token", error_description="The authentication failed because of missing \'Authorization\' header."',
    }),
  invalidToken: () =>
    new JsonError(401, { error: { code: 'InvalidAuthenticationToken', message: 'The access token is invalid.' } }, {
      'www-authenticate': 'Bearer authorization_uri="https://login.windows.net/", error="invalid_token", error_description="The access token is invalid."',
    }),
  subscriptionNotFound: (id: string) => new JsonError(404, { error: { code: 'SubscriptionNotFound', message: `The subscription '${id}' could not be found.` } }),
  missingApiVersion: () =>
    new JsonError(400, { error: { code: 'MissingApiVersionParameter', message: "The api-version query parameter (?api-version=) is required for all requests." } }),
};

/** An injected fault (/_sim/faults) on a Key Vault or Resource Manager path, in that service's shape. */
export function azureFaultBody(service: 'keyvault' | 'arm', status: number) {
  if (status === 429) {
    return service === 'keyvault'
      ? keyVaultErrorBody('Throttled', 'Request was not processed because too many requests were received. Reason: VaultRequestTypeLimitReached')
      : keyVaultErrorBody('TooManyRequests', 'The request is being throttled.');
  }
  return keyVaultErrorBody(status === 503 ? 'ServiceUnavailable' : 'InternalServerError', 'The service is temporarily unavailable.');
}

/** No route: Key Vault answers an unknown operation with BadParameter, Resource Manager with InvalidResourceType (assumption). */
export function azureNotFoundBody(service: 'keyvault' | 'arm', method: string, path: string) {
  return service === 'keyvault'
    ? keyVaultErrorBody('BadParameter', `The operation ${method} ${path} is not supported.`)
    : keyVaultErrorBody('InvalidResourceType', `The resource type for ${method} ${path} could not be found.`);
}
