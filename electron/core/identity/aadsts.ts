/**
 * Microsoft identity platform errors, and what each one means to a partner admin.
 * Wire shape: {error, error_description: "AADSTSnnnn: …", error_codes: [n], timestamp, trace_id, correlation_id}.
 */

import type { FixAction } from '../../ipc/contract';

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
    action: 'Register http://localhost as a Mobile and desktop (public client) redirect instead of spa, then sign in again.',
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
    action: 'Add http://localhost as a Mobile and desktop redirect URI on the SAM app.',
    fix: 'check-app',
  },
  '7000215': {
    summary: 'The client secret is wrong.',
    action: 'Check the secret value (not its id) or create a new secret for the SAM app.',
    fix: 'check-app',
  },
  '7000222': {
    summary: 'The client secret has expired.',
    action: 'Create a new client secret for the SAM app and enter it in SAM Desk.',
    fix: 'check-app',
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
    action: 'Add http://localhost as a Mobile and desktop (public client) redirect URI on the app.',
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
  '70020': {
    summary: 'The device code expired before the sign-in was finished.',
    action: 'Get a new code and sign in within 15 minutes.',
    fix: 'retry',
  },
  '70019': {
    summary: 'The device-code sign-in was declined.',
    action: 'Get a new code and choose Continue if the request was yours.',
    fix: 'retry',
  },
  '70018': {
    summary: 'The device code was not accepted.',
    action: 'Get a new code and type it exactly as shown.',
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
    summary: 'The SAM app expects a client secret, or public client flows are switched off.',
    action: 'Enter the app’s client secret, or let SAM Desk fix the app (it allows public client flows).',
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
  access_denied: {
    summary: 'The sign-in was declined.',
    action: 'Get a new code and choose Continue if the request was yours.',
    fix: 'retry',
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

/** An error Microsoft's token or authorize endpoint returned. */
export class MicrosoftIdentityError extends Error {
  readonly code: string | undefined;
  readonly explanation: Explanation | undefined;
  constructor(
    readonly body: AadstsErrorBody,
    readonly httpStatus?: number,
  ) {
    const code = body.error_codes?.[0]?.toString() ?? /AADSTS(\d+)/.exec(body.error_description ?? '')?.[1];
    const explanation = (code && catalogue[code]) || byErrorName[body.error];
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

export function explain(code: string): Explanation | undefined {
  return catalogue[code] ?? byErrorName[code];
}

export function isAadstsErrorBody(value: unknown): value is AadstsErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as { error?: unknown }).error === 'string';
}

function firstLine(text: string | undefined): string | undefined {
  return text?.split(/\r?\n|\s+Trace ID:/)[0]?.trim() || undefined;
}
