import type { SamAppCheck } from '../../ipc/contract';
import { missingPermissions, type ResourceAccess } from './samPermissions';

/** The parts of a Graph `application` the checks read. */
export interface GraphApplication {
  id: string;
  appId: string;
  displayName: string;
  signInAudience?: string;
  isFallbackPublicClient?: boolean | null;
  publicClient?: { redirectUris?: string[] };
  spa?: { redirectUris?: string[] };
  web?: { redirectUris?: string[] };
  requiredResourceAccess?: ResourceAccess[];
  passwordCredentials?: Array<{ hint?: string | null; endDateTime?: string | null; displayName?: string | null }>;
}

/** Whether the partner tenant has consented to the app: read from Graph, or not readable. */
export type AdminConsent = 'granted' | 'missing' | 'unknown';

export const SECRET_WARNING_DAYS = 30;
const DAY_MS = 24 * 3600_000;
const MULTI_TENANT = new Set(['AzureADMultipleOrgs', 'AzureADandPersonalMicrosoftAccount']);

const isLoopback = (uri: string) => {
  try {
    const url = new URL(uri);
    return url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1');
  } catch {
    return false;
  }
};

/**
 * What a SAM app registration must be for SAM Desk, checked one by one so the wizard can show a
 * list with what is wrong and why. Pure: the caller fetched everything from Graph.
 */
export function checkSamApp(
  app: GraphApplication,
  consent: AdminConsent,
  secret: string | undefined,
  now: Date,
): SamAppCheck[] {
  const publicRedirects = (app.publicClient?.redirectUris ?? []).filter(isLoopback);
  const spaRedirects = (app.spa?.redirectUris ?? []).filter(isLoopback);
  const missing = missingPermissions(app.requiredResourceAccess ?? []);
  return [
    MULTI_TENANT.has(app.signInAudience ?? '')
      ? pass('multi-tenant', 'Works in customer tenants', 'The app is multi-tenant.')
      : fail('multi-tenant', 'Works in customer tenants', 'The app is single-tenant, so customer tenants refuse it. Make it multi-tenant.'),
    publicRedirects.length > 0
      ? pass('redirect', 'Redirect http://localhost as a desktop app', `Registered under “Mobile and desktop applications”.`)
      : fail(
          'redirect',
          'Redirect http://localhost as a desktop app',
          spaRedirects.length > 0
            ? 'http://localhost is registered as a single-page app (spa): its refresh tokens die after 24 hours (AADSTS700084). Move it to “Mobile and desktop applications”.'
            : 'http://localhost is not registered as a “Mobile and desktop applications” redirect, so sign-in cannot return to SAM Desk.',
        ),
    app.isFallbackPublicClient
      ? pass('public-client', 'Public client flows allowed', 'Device-code sign-in is allowed.')
      : warn('public-client', 'Public client flows allowed', 'Device-code sign-in (the command line, Exchange) is switched off for this app.'),
    missing.length === 0
      ? pass('permissions', 'SAM permissions requested', 'Partner Center, Microsoft Graph, Exchange Online and Azure Key Vault permissions are all there.')
      : fail('permissions', 'SAM permissions requested', `Missing: ${missing.map((p) => `${p.resourceName} ${p.permission}`).join(', ')}.`),
    consent === 'granted'
      ? pass('admin-consent', 'Consented in your partner tenant', 'An administrator has granted the permissions.')
      : consent === 'missing'
        ? fail('admin-consent', 'Consented in your partner tenant', 'Nobody has granted the app’s permissions in your partner tenant yet.')
        : warn('admin-consent', 'Consented in your partner tenant', 'Not confirmed yet: you accept the permissions for your partner tenant when you sign in at step 3.'),
    checkSecret(app, secret, now),
  ];
}

function checkSecret(app: GraphApplication, secret: string | undefined, now: Date): SamAppCheck {
  const label = 'Client secret valid for 30 days or more';
  const credentials = app.passwordCredentials ?? [];
  if (!secret) {
    return credentials.length === 0
      ? pass('secret', label, 'No secret: SAM Desk signs in as a public client.')
      : pass('secret', label, 'No secret entered: SAM Desk signs in as a public client.');
  }
  // Graph never returns a secret, only its first three characters (`hint`).
  const matching = credentials.filter((credential) => credential.hint && secret.startsWith(credential.hint));
  const latest = matching.map((credential) => Date.parse(credential.endDateTime ?? '')).sort((a, b) => b - a)[0];
  if (latest === undefined || Number.isNaN(latest)) {
    return fail('secret', label, 'This secret does not belong to the app. Check that you copied the secret’s value, not its id.');
  }
  const days = Math.floor((latest - now.getTime()) / DAY_MS);
  if (days < 0) return fail('secret', label, `The secret expired on ${new Date(latest).toISOString().slice(0, 10)}.`);
  if (days < SECRET_WARNING_DAYS) return fail('secret', label, `The secret expires in ${days} days, on ${new Date(latest).toISOString().slice(0, 10)}.`);
  return pass('secret', label, `The secret is valid until ${new Date(latest).toISOString().slice(0, 10)}.`);
}

const pass = (id: SamAppCheck['id'], label: string, detail: string): SamAppCheck => ({ id, label, status: 'pass', detail });
const fail = (id: SamAppCheck['id'], label: string, detail: string): SamAppCheck => ({ id, label, status: 'fail', detail });
const warn = (id: SamAppCheck['id'], label: string, detail: string): SamAppCheck => ({ id, label, status: 'warn', detail });

/** Every failing check except a foreign secret can be put right through Graph. */
export function canFix(checks: SamAppCheck[]): boolean {
  return checks.some((check) => check.status !== 'pass' && check.id !== 'admin-consent');
}

/** The Graph PATCH that makes the registration what SAM Desk needs, keeping what else is there. */
export function fixedRegistration(app: GraphApplication, withPermissions: (existing: ResourceAccess[]) => ResourceAccess[]) {
  const publicRedirects = app.publicClient?.redirectUris ?? [];
  return {
    signInAudience: MULTI_TENANT.has(app.signInAudience ?? '') ? app.signInAudience : 'AzureADMultipleOrgs',
    isFallbackPublicClient: true,
    publicClient: { redirectUris: publicRedirects.some(isLoopback) ? publicRedirects : [...publicRedirects, 'http://localhost'] },
    // A loopback redirect under spa makes 24-hour tokens; it moves to the desktop platform.
    spa: { redirectUris: (app.spa?.redirectUris ?? []).filter((uri) => !isLoopback(uri)) },
    requiredResourceAccess: withPermissions(app.requiredResourceAccess ?? []),
  };
}
