import type { SamAppCheck } from '../../ipc/contract';
import { grantScopes, missingPermissions, requiredResources, samResources, type ResourceAccess, type SamResource } from './samPermissions';

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
  passwordCredentials?: Array<{ keyId?: string; hint?: string | null; startDateTime?: string | null; endDateTime?: string | null; displayName?: string | null }>;
}

/**
 * The app's tenant-wide (admin-consent) grants in the partner tenant as Graph lists them: per
 * resource app id, the permissions granted. Not `readable` when Graph would not say.
 */
export interface AdminConsent {
  readable: boolean;
  granted: Readonly<Record<string, readonly string[]>>;
}

/** Per required resource: no grant at all, or a grant that lacks some permissions. */
export interface ConsentGap {
  resource: SamResource;
  /** The permissions not granted; all of them when there is no grant. */
  missing: string[];
  hasGrant: boolean;
}

/** What admin consent still lacks, resource by resource: a Graph grant does not cover Exchange. */
export function consentGaps(consent: AdminConsent): ConsentGap[] {
  return requiredResources.flatMap((resource) => {
    const granted = consent.granted[resource.resourceAppId];
    const missing = grantScopes(resource).filter((scope) => !granted?.includes(scope));
    return missing.length > 0 ? [{ resource, missing, hasGrant: granted !== undefined }] : [];
  });
}

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
    checkPermissions(app.requiredResourceAccess ?? []),
    checkAdminConsent(consent),
    checkSecret(app, secret, now),
  ];
}

/** Each resource's permissions, named per resource, so a missing Exchange permission shows even when Graph's are there. */
function checkPermissions(requested: ResourceAccess[]): SamAppCheck {
  const label = 'SAM permissions requested';
  const missing = missingPermissions(requested, requiredResources);
  const retired = missingPermissions(requested, samResources.filter((resource) => resource.retired));
  if (missing.length > 0) {
    const words = missing.map(({ resource, missing: names, listed }) =>
      listed ? `${resource.resourceName} lacks ${names.join(', ')}` : `${resource.resourceName} is not requested at all`,
    );
    const consequence = missing.length === 1 ? 'Snippets for that service fail until the app asks for it.' : 'Snippets for those services fail until the app asks for them.';
    return fail('permissions', label, `${sentence(words.join('; '))} ${consequence}`);
  }
  const all = `${list(requiredResources.map((resource) => resource.resourceName))} permissions are all there.`;
  const note = retired.map(({ resource }) => ` ${resource.resourceName} is not (${resource.retired}; only the retired snippet forms used it).`).join('');
  return pass('permissions', label, all + note);
}

function checkAdminConsent(consent: AdminConsent): SamAppCheck {
  const label = 'Consented in your partner tenant';
  if (!consent.readable) return warn('admin-consent', label, 'Not confirmed yet: you accept the permissions for your partner tenant when you sign in at step 3.');
  const gaps = consentGaps(consent);
  if (gaps.length === 0) return pass('admin-consent', label, `An administrator has granted the permissions for ${list(requiredResources.map((r) => r.resourceName))}.`);
  const granted = requiredResources.filter((resource) => !gaps.some((gap) => gap.resource === resource));
  if (granted.length === 0 && gaps.every((gap) => !gap.hasGrant)) {
    return fail('admin-consent', label, 'Nobody has granted the app’s permissions in your partner tenant yet.');
  }
  const words = [
    ...(granted.length ? [`Granted for ${list(granted.map((r) => r.resourceName))}`] : []),
    ...gaps.map((gap) => (gap.hasGrant ? `${gap.resource.resourceName}’s grant lacks ${gap.missing.join(', ')}` : `not granted for ${gap.resource.resourceName}`)),
  ];
  return fail('admin-consent', label, sentence(words.join('; ')));
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

const list = (names: string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);
const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

/**
 * The one rule for what “Fix the app” puts right through Graph; SamAppService.fix acts on exactly
 * these, and the wizard offers the button only when there are some. Every failing check can be
 * fixed (a failing secret by adding a new one), and so can the public-client warning; a consent
 * Graph would not confirm (warn) is settled by the sign-in at step 3 instead.
 */
export function fixableChecks(checks: readonly SamAppCheck[]): SamAppCheck[] {
  return checks.filter((check) => check.status === 'fail' || (check.status === 'warn' && check.id === 'public-client'));
}

export function canFix(checks: readonly SamAppCheck[]): boolean {
  return fixableChecks(checks).length > 0;
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
