/**
 * Microsoft identity platform errors, and what each one means to a partner admin.
 * Wire shape: {error, error_description: "AADSTSnnnn: …", error_codes: [n], timestamp, trace_id, correlation_id}.
 */

import type { FixAction } from '../../ipc/errors';

export type { FixAction };

export interface Explanation {
  /** What happened, in one sentence a partner admin understands. */
  summary: string;
  /** What fixes it. */
  action: string;
  fix: FixAction;
}

const catalogue: Record<string, Explanation> = {
  '700082': {
    summary: 'The refresh token expired after 90 days without use.',
    action: 'Sign in again (re-consent) to get a new refresh token. Renewal keeps this from happening.',
    fix: 're-consent',
  },
  '50173': {
    summary: 'The refresh token was revoked, usually because the admin’s password was changed or reset.',
    action: 'Sign in again (re-consent) with the current password.',
    fix: 're-consent',
  },
  '70043': {
    summary: 'A Conditional Access sign-in frequency policy ended this session early.',
    action: 'Sign in again, or exclude this app from the sign-in frequency policy in the partner tenant.',
    fix: 're-consent',
  },
  '50076': {
    summary: 'Microsoft requires multi-factor authentication for this sign-in.',
    action: 'Sign in again interactively and complete MFA.',
    fix: 're-consent',
  },
  '50078': {
    summary: 'The MFA on this session has expired or the MFA setup changed.',
    action: 'Sign in again interactively and complete MFA.',
    fix: 're-consent',
  },
  '65001': {
    summary: 'The SAM app has not been consented in this tenant.',
    action: 'Grant consent for the app in this customer (Partner Center application consent), then try again.',
    fix: 'grant-customer-consent',
  },
  '650051': {
    summary: 'Consent could not be granted because the app’s service principal already exists with different permissions.',
    action: 'Remove the app’s enterprise application from the customer tenant, then grant consent again.',
    fix: 'grant-customer-consent',
  },
  '700007': {
    summary: 'The app is not allowed to sign in to this tenant with the requested authority.',
    action: 'Check that the SAM app is multi-tenant and that the tenant id is right.',
    fix: 'check-app',
  },
  '700084': {
    summary: 'This refresh token was issued to a single-page-app (spa) redirect and only lives 24 hours.',
    action: 'Let SAM Desk fix the app (it moves http://localhost from spa to the Web platform), then sign in again.',
    fix: 'check-app',
  },
  '50020': {
    summary: 'Your partner account has no admin access to this customer (no active DAP or GDAP relationship).',
    action: 'Set up or renew a GDAP relationship with this customer in Partner Center.',
    fix: 'check-relationship',
  },
  '90002': {
    summary: 'That tenant does not exist.',
    action: 'Check the tenant id or domain for typos.',
    fix: 'check-tenant',
  },
  '900971': {
    summary: 'No reply address was sent with the sign-in request.',
    action: 'Add http://localhost as a Web redirect URI on the SAM app, or let SAM Desk fix the app.',
    fix: 'check-app',
  },
  // Wrong or expired secret (https://learn.microsoft.com/entra/identity-platform/reference-error-codes):
  // the one thing that helps is another secret, so the wizard goes back to the secret field.
  '7000215': {
    summary: 'Microsoft refused the client secret: it is not one of the SAM app’s secrets.',
    action: 'Re-enter the secret: copy its Value (not its Secret ID) from Entra admin center → App registrations → Certificates & secrets, or leave the field empty and let SAM Desk create a new one.',
    fix: 're-enter-secret',
  },
  '7000222': {
    summary: 'The SAM app’s client secret has expired.',
    action: 'Re-enter a current secret, or leave the field empty and let SAM Desk check the app: it creates a new secret, keeps it in the keychain and shows it to you once.',
    fix: 're-enter-secret',
  },
  '700025': {
    summary: 'The SAM app is registered as a public client (“Mobile and desktop”), so Microsoft refuses the client secret SAM Desk sent.',
    action: 'Let SAM Desk fix the app: it moves http://localhost to the Web platform, where the secret is used.',
    fix: 'check-app',
  },
  '9002327': {
    summary: 'The SAM app’s http://localhost redirect is registered as a single-page app (spa), which a desktop app cannot use.',
    action: 'Let SAM Desk fix the app: it moves http://localhost to the Web platform.',
    fix: 'check-app',
  },
  '54005': {
    summary: 'This sign-in’s code was already used once.',
    action: 'Sign in again.',
    fix: 're-consent',
  },
  '50126': {
    summary: 'The user name or password is wrong.',
    action: 'Try again with the partner admin’s current password.',
    fix: 'retry',
  },
  '700016': {
    summary: 'No app with that application (client) id exists in this tenant.',
    action: 'Check the application id, or create the SAM app from the wizard.',
    fix: 'check-app',
  },
  '50011': {
    summary: 'The redirect address is not registered on the SAM app.',
    action: 'Add http://localhost as a Web redirect URI on the app, or let SAM Desk fix the app.',
    fix: 'check-app',
  },
  '650057': {
    summary: 'The SAM app does not ask for permissions on this service, so Microsoft issues no token for it.',
    action: 'Check the SAM app in the setup wizard and let SAM Desk add the missing permission, then sign in and consent again.',
    fix: 'check-app',
  },
  '500011': {
    summary: 'The requested resource is not available in this tenant.',
    action: 'Check that the customer has the service (for example Exchange Online) and that the cloud is right.',
    fix: 'none',
  },
  '65004': {
    summary: 'The sign-in was cancelled when the permissions were declined.',
    action: 'Sign in again and accept the permissions.',
    fix: 're-consent',
  },
  '70019': {
    summary: 'The device code expired before the sign-in was finished.',
    action: 'Get a new code and sign in within 15 minutes.',
    fix: 'retry',
  },
  '70018': {
    summary: 'Microsoft did not recognise the device code.',
    action: 'Get a new code and sign in with it.',
    fix: 'retry',
  },
  '50079': {
    summary: 'The admin account has to register for multi-factor authentication first.',
    action: 'Set up MFA for this account (aka.ms/mfasetup), then sign in again.',
    fix: 're-consent',
  },
  '53003': {
    summary: 'A Conditional Access policy in the partner tenant blocked this sign-in.',
    action: 'Sign in from your system browser on a compliant device, or ask your Entra admin which policy applies.',
    fix: 'system-browser',
  },
  '530003': {
    summary: 'Conditional Access requires a managed, compliant device for this sign-in.',
    action: 'Sign in with your system browser, which can prove the device is compliant.',
    fix: 'system-browser',
  },
  '50158': {
    summary: 'An external security check (for example a passkey or a third-party MFA) must be completed.',
    action: 'Sign in with your system browser, where the passkey or security check works.',
    fix: 'system-browser',
  },
  '50034': {
    summary: 'That user account does not exist in this tenant.',
    action: 'Sign in with a partner admin account of this partner tenant.',
    fix: 'retry',
  },
  '50053': {
    summary: 'The account is locked after too many failed sign-ins.',
    action: 'Wait a few minutes, or ask another admin to unlock it, then try again.',
    fix: 'retry',
  },
  '50057': {
    summary: 'The account is disabled.',
    action: 'Ask an administrator to enable the account, or sign in with another partner admin.',
    fix: 'retry',
  },
  '7000218': {
    summary: 'The SAM app is a confidential (Web) app, so Microsoft needs its client secret, and SAM Desk has none for it.',
    action: 'Enter the app’s client secret when you check the app (or let SAM Desk create one), then sign in again.',
    fix: 'check-app',
  },
  '50194': {
    summary: 'The SAM app is single-tenant, so it cannot sign in to other tenants.',
    action: 'Make the app multi-tenant: let SAM Desk fix the app.',
    fix: 'check-app',
  },
  '90055': {
    summary: 'Microsoft is throttling sign-in requests right now.',
    action: 'Wait a minute and try again.',
    fix: 'retry',
  },
  // Partner Center's code (not an AADSTS one) for an app+user call without MFA, enforced from 2026-04-01.
  '900421': {
    summary: 'Partner Center refused the token because it has no MFA claim.',
    action: 'Sign in again and complete MFA in the sign-in window (not a remembered session without MFA).',
    fix: 're-consent',
  },
  '70000': {
    summary: 'The stored refresh token was rejected.',
    action: 'Sign in again (re-consent).',
    fix: 're-consent',
  },
};

/** The same code where a device-code sign-in meets it means something else. */
const inDeviceCode: Record<string, Explanation> = {
  '7000218': {
    summary: 'Device-code sign-in is switched off for this SAM app (“Allow public client flows” is No).',
    action: 'Let SAM Desk fix the app (it turns public client flows on), or sign in from the app instead.',
    fix: 'check-app',
  },
};

/**
 * The device-code errors, by the names https://learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code
 * gives them: the protocol names them, not its numbers, so the name decides.
 */
const deviceCodeErrors = new Set(['authorization_pending', 'slow_down', 'authorization_declined', 'expired_token', 'bad_verification_code']);

const byErrorName: Record<string, Explanation> = {
  authorization_pending: {
    summary: 'Waiting for you to enter the code and sign in.',
    action: 'Open the verification page, enter the code and sign in.',
    fix: 'none',
  },
  slow_down: {
    summary: 'Microsoft asked SAM Desk to check less often.',
    action: 'Nothing to do: SAM Desk waits longer between checks.',
    fix: 'none',
  },
  expired_token: {
    summary: 'The device code expired before the sign-in was finished.',
    action: 'Get a new code and sign in within 15 minutes.',
    fix: 'retry',
  },
  authorization_declined: {
    summary: 'The device-code sign-in was declined.',
    action: 'Get a new code and choose Continue if the request was yours.',
    fix: 'retry',
  },
  bad_verification_code: {
    summary: 'Microsoft did not recognise the device code.',
    action: 'Get a new code and sign in with it.',
    fix: 'retry',
  },
  // The authorization-code flow's decline (consent refused); a device-code decline is authorization_declined.
  access_denied: {
    summary: 'The sign-in was declined.',
    action: 'Sign in again and accept the permissions if the request was yours.',
    fix: 're-consent',
  },
  temporarily_unavailable: {
    summary: 'Microsoft is throttling requests right now.',
    action: 'Wait a minute and try again.',
    fix: 'retry',
  },
};

export interface AadstsErrorBody {
  error: string;
  error_description?: string;
  error_codes?: number[];
  timestamp?: string;
  trace_id?: string;
  correlation_id?: string;
}

/** Where the error came from, when that changes what a code means. */
export type IdentityErrorContext = 'device-code';

/** An error Microsoft's token or authorize endpoint returned. */
export class MicrosoftIdentityError extends Error {
  readonly code: string | undefined;
  readonly explanation: Explanation | undefined;
  constructor(
    readonly body: AadstsErrorBody,
    readonly httpStatus?: number,
    context?: IdentityErrorContext,
  ) {
    const code = body.error_codes?.[0]?.toString() ?? /AADSTS(\d+)/.exec(body.error_description ?? '')?.[1];
    const explanation = explanationFor(body.error, code, context);
    super(explanation?.summary ?? firstLine(body.error_description) ?? body.error);
    this.name = 'MicrosoftIdentityError';
    this.code = code;
    this.explanation = explanation;
  }

  get correlationId(): string | undefined {
    return this.body.correlation_id;
  }

  /** The description Microsoft sent, trimmed of its trace lines, for the "details" line. */
  get description(): string | undefined {
    return firstLine(this.body.error_description);
  }
}

function explanationFor(error: string, code: string | undefined, context: IdentityErrorContext | undefined): Explanation | undefined {
  if (deviceCodeErrors.has(error)) return byErrorName[error];
  if (context === 'device-code' && code && inDeviceCode[code]) return inDeviceCode[code];
  return (code && catalogue[code]) || byErrorName[error];
}

export function explain(code: string): Explanation | undefined {
  return catalogue[code] ?? byErrorName[code];
}

export function isAadstsErrorBody(value: unknown): value is AadstsErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as { error?: unknown }).error === 'string';
}

function firstLine(text: string | undefined): string | undefined {
  return text?.split(/\r?\n|\s+Trace ID:/)[0]?.trim() || undefined;
}
