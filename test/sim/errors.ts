/** Error bodies in the exact shapes Microsoft's services use. */
import { randomUUID } from 'node:crypto';

export interface AadErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
  suberror?: string;
}

export class AadError extends Error {
  constructor(
    readonly code: number,
    readonly error: string,
    /** The message without the "AADSTSnnnn: " prefix. */
    readonly detail: string,
    readonly status = error === 'invalid_client' ? 401 : 400,
    readonly suberror?: string,
  ) {
    super(`AADSTS${code}: ${detail}`);
  }
}

/** "2024-05-01 10:20:30Z", the timestamp style inside error_description. */
function descriptionTimestamp(date: Date): string {
  return date.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
}

export function aadErrorBody(err: AadError, baseUrl: string, correlationId: string | undefined, now: Date): AadErrorBody {
  const traceId = randomUUID();
  const correlation = correlationId || randomUUID();
  const body: AadErrorBody = {
    error: err.error,
    error_description: `AADSTS${err.code}: ${err.detail} Trace ID: ${traceId} Correlation ID: ${correlation} Timestamp: ${descriptionTimestamp(now)}`,
    error_codes: [err.code],
    timestamp: descriptionTimestamp(now),
    trace_id: traceId,
    correlation_id: correlation,
    error_uri: `${baseUrl}/error?code=${err.code}`,
  };
  if (err.suberror) body.suberror = err.suberror;
  return body;
}

export function graphErrorBody(code: string, message: string, clientRequestId: string | undefined, now: Date) {
  return {
    error: {
      code,
      message,
      innerError: {
        date: now.toISOString().replace(/\.\d{3}Z$/, ''),
        'request-id': randomUUID(),
        'client-request-id': clientRequestId || randomUUID(),
      },
    },
  };
}

export function partnerCenterErrorBody(code: number, description: string) {
  return { code, description, errorName: code === 429 ? 'TooManyRequests' : code === 401 ? 'Unauthorized' : 'Error', isRetryable: code === 429 || code >= 500 };
}

// Common AADSTS errors, worded as Microsoft words them.
export const aad = {
  tenantNotFound: (tenant: string, error = 'invalid_request') =>
    new AadError(90002, error, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`),
  appNotFound: (appId: string, tenantName: string) =>
    new AadError(700016, 'unauthorized_client', `Application with identifier '${appId}' was not found in the directory '${tenantName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`),
  redirectMismatch: (uri: string, appId: string) =>
    new AadError(50011, 'invalid_request', `The redirect URI '${uri}' specified in the request does not match the redirect URIs configured for the application '${appId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`),
  missingParameter: (name: string) =>
    new AadError(900144, 'invalid_request', `The request body must contain the following parameter: '${name}'.`),
  malformed: () => new AadError(9002313, 'invalid_request', 'Invalid request. Request is malformed or invalid.'),
  invalidGrant: () => new AadError(70000, 'invalid_grant', 'Provided grant is invalid or malformed.'),
  codeExpired: () =>
    new AadError(70008, 'invalid_grant', 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.'),
  pkceMismatch: () =>
    new AadError(501481, 'invalid_grant', 'The Code_Verifier does not match the code_challenge supplied in the authorization request.'),
  pkceRequired: () =>
    new AadError(9002325, 'invalid_request', 'Proof Key for Code Exchange is required for cross-origin authorization code redemption.'),
  unsupportedResponseType: () =>
    new AadError(900061, 'unsupported_response_type', "The provided value for the input parameter 'response_type' is not allowed for this request. Expected value: 'code'."),
  unsupportedGrantType: (grant: string) =>
    new AadError(70003, 'unsupported_grant_type', `The app requested an unsupported grant type '${grant}'.`),
  invalidSecret: (appId: string) =>
    new AadError(7000215, 'invalid_client', `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${appId}'.`),
  resourceNotFound: (resource: string, tenantName: string) =>
    new AadError(500011, 'invalid_resource', `The resource principal named ${resource} was not found in the tenant named ${tenantName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`),
  /**
   * AADSTS650057 (https://learn.microsoft.com/entra/identity-platform/reference-error-codes):
   * `error` invalid_client as seen in the wild (microsoft/CopilotStudioSamples#461); HTTP 400 is an assumption.
   */
  resourceNotRequested: (app: { appId: string; displayName: string }, resource: string, resourceAppId: string, registered: string[]) =>
    new AadError(
      650057,
      'invalid_client',
      `Invalid resource. The client has requested access to a resource which is not listed in the requested permissions in the client's application registration. Client app ID: ${app.appId}(${app.displayName}). Resource value from request: ${resource}. Resource app ID: ${resourceAppId}. List of valid resources from app registration: ${registered.join(', ')}.`,
      400,
    ),
  multipleResources: () =>
    new AadError(28000, 'invalid_scope', 'Provided value for the input parameter scope is not valid because it contains more than one resource. Scope {scopes} is not valid.'),
  invalidScope: (scope: string) =>
    new AadError(70011, 'invalid_scope', `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`),
  rtInactive: (issuedIso: string) =>
    new AadError(700082, 'invalid_grant', `The refresh token has expired due to inactivity. The token was issued on ${issuedIso} and was inactive for 90.00:00:00.`),
  rtSpaExpired: (issuedIso: string) =>
    new AadError(700084, 'invalid_grant', `The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended. It is now expired and a new sign in request must be sent by the SPA to the sign in page. The token was issued on ${issuedIso}.`),
  revoked: (issuedIso: string, validFromIso: string) =>
    new AadError(50173, 'invalid_grant', `The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '${issuedIso}' and the TokensValidFrom date (before which tokens are not valid) for this user is '${validFromIso}'.`),
  signInFrequency: (authIso: string, maxSeconds: number) =>
    new AadError(70043, 'invalid_grant', `The refresh token has expired or is invalid due to sign-in frequency checks by conditional access. The token was issued on ${authIso} and the maximum allowed lifetime for this request is ${maxSeconds}.`, 400, 'bad_token'),
  notInTenant: (upn: string, homeTid: string, tenantName: string, appId: string, appName: string) =>
    new AadError(50020, 'invalid_grant', `User account '${upn}' from identity provider 'https://sts.windows.net/${homeTid}/' does not exist in tenant '${tenantName}' and cannot access the application '${appId}'(${appName}) in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Azure Active Directory user account.`),
  consentRequired: (appId: string, appName: string) =>
    new AadError(65001, 'invalid_grant', `The user or administrator has not consented to use the application with ID '${appId}' named '${appName}'. Send an interactive authorization request for this user and resource.`, 400, 'consent_required'),
  userDeclined: () => new AadError(65004, 'access_denied', 'User declined to consent to access the app.'),
  // Entra ID answers a client that asks too often with 429 and Retry-After, and goes on throttling
  // while it lasts (https://learn.microsoft.com/entra/msal/dotnet/advanced/client-and-server-throttling).
  throttled: () =>
    new AadError(90055, 'temporarily_unavailable', 'The server is temporarily too busy to handle this request. Please retry the request after a short time.', 429),
  serverError: (status: number) =>
    new AadError(90033, status === 503 ? 'temporarily_unavailable' : 'server_error', 'A transient error has occurred. Please try again.', status),
  // Client types at the token endpoint (https://learn.microsoft.com/entra/identity-platform/reference-error-codes).
  publicClientWithCredential: () =>
    new AadError(700025, 'invalid_client', "Client is public so neither 'client_assertion' nor 'client_secret' should be presented."),
  credentialRequired: () =>
    new AadError(7000218, 'invalid_client', "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."),
  secretExpired: (appId: string) =>
    new AadError(7000222, 'invalid_client', `The provided client secret keys for app '${appId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`),
  spaWithoutOrigin: () =>
    new AadError(9002327, 'invalid_request', "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests."),
  codeAlreadyRedeemed: () =>
    new AadError(54005, 'invalid_grant', 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.'),
  // Device authorization grant, by the names https://learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code gives them.
  deviceCodePending: () =>
    new AadError(70016, 'authorization_pending', 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.'),
  deviceCodeSlowDown: () =>
    new AadError(70016, 'slow_down', 'OAuth 2.0 device flow error. Polling too frequently; increase the interval between polls.'),
  deviceCodeExpired: () => new AadError(70019, 'expired_token', 'Verification code expired. Have the user retry the sign-in.'),
  // No code is documented for a decline; 65004 (the user declined) is an assumption.
  deviceCodeDeclined: () => new AadError(65004, 'authorization_declined', 'The end user denied the authorization request.'),
  deviceCodeInvalid: () => new AadError(70018, 'bad_verification_code', "The provided value for the input parameter 'device_code' is not valid."),
};
