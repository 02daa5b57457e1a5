/**
 * Who the client is at the token endpoint: public, confidential or spa, and whether it proved it.
 * Entra decides the type from the platform of the redirect the code was issued to, and a refresh
 * token remembers it; flows without a redirect (device code) fall back on "Allow public client
 * flows" (isFallbackPublicClient). Sources: https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow
 * ("Public clients … must not use secrets"; client_secret "required for web apps" on redemption
 * and refresh; spa redirects need an Origin header), https://learn.microsoft.com/graph/api/resources/application
 * (isFallbackPublicClient), https://learn.microsoft.com/troubleshoot/entra/entra-id/app-integration/confidential-client-application-authentication-error-aadsts7000218.
 */
import { aad } from './errors';
import { sha256, type AppRegistration, type ClientType, type RedirectPlatform } from './state';

/** What the request presented: a secret (form or Basic), an assertion, an Origin header. */
export interface PresentedCredentials {
  secret: string | null;
  assertion: string | null;
  origin: string | null;
}

export function clientTypeOfPlatform(platform: RedirectPlatform): ClientType {
  return platform === 'web' ? 'confidential' : platform;
}

/** Device code carries no redirect: public when public client flows are allowed, else confidential. */
export function deviceCodeClientType(app: AppRegistration): ClientType {
  return app.isFallbackPublicClient ? 'public' : 'confidential';
}

/**
 * Checks the request against the client type; returns whether the client authenticated as a
 * confidential client (the access token's appidacr).
 */
export function authenticateAs(clientType: ClientType, app: AppRegistration, presented: PresentedCredentials, nowIso: string): boolean {
  if (clientType === 'spa') {
    if (!presented.origin) throw aad.spaWithoutOrigin();
    return false;
  }
  if (clientType === 'public') {
    if (presented.secret !== null || presented.assertion !== null) throw aad.publicClientWithCredential();
    return false;
  }
  // Certificates (client_assertion) are not modelled: the simulator's apps have secrets only.
  if (presented.secret === null) throw aad.credentialRequired();
  const matching = app.passwordCredentials.filter((credential) => credential.secretHash === sha256(presented.secret!));
  if (matching.length === 0) throw aad.invalidSecret(app.appId);
  if (!matching.some((credential) => credential.endDateTime > nowIso)) throw aad.secretExpired(app.appId);
  return true;
}
