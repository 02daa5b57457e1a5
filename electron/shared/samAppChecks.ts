import { formatDate } from '../ipc/dateTime';
import type { SamAppCheck } from '../ipc/wizard';
import { grantScopes, missingPermissions, requiredResources, samResources, type ResourceAccess, type SamResource } from './samPermissions';

/** The parts of a Graph `application` the checks read. */
export interface GraphApplication {
  id: string;
  appId: string;
  displayName: string;
  signInAudience?: string;
  isFallbackPublicClient?: boolean | null;
  publicClient?: Platform;
  spa?: Platform;
  /** Also homePageUrl, logoutUrl, implicitGrantSettings…, which a fix keeps. */
  web?: Platform & Record<string, unknown>;
  requiredResourceAccess?: ResourceAccess[];
  passwordCredentials?: Array<{ keyId?: string; hint?: string | null; startDateTime?: string | null; endDateTime?: string | null; displayName?: string | null }>;
}

interface Platform {
  redirectUris?: string[];
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
  options: { secretCreated?: boolean } = {},
): SamAppCheck[] {
  return [
    MULTI_TENANT.has(app.signInAudience ?? '')
      ? pass('multi-tenant', 'Works in customer tenants', 'The app is multi-tenant.')
      : fail('multi-tenant', 'Works in customer tenants', 'The app is single-tenant, so customer tenants refuse it. Make it multi-tenant.'),
    checkRedirect(app),
    app.isFallbackPublicClient
      ? pass('public-client', 'Public client flows allowed', 'Device-code sign-in (samdesk consent --device-code) is allowed.')
      : warn('public-client', 'Public client flows allowed', '“Allow public client flows” is off, so device-code sign-in (samdesk consent --device-code) is refused (AADSTS7000218). Fixing the app turns it on.'),
    checkPermissions(app.requiredResourceAccess ?? []),
    checkAdminConsent(consent),
    checkSecret(app, secret, now, options.secretCreated ?? false),
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

const REDIRECT_LABEL = 'Redirect http://localhost on the Web platform';

/**
 * The one shape (README, "The SAM app SAM Desk creates"): http://localhost under Web only. Under
 * "Mobile and desktop" the app is a public client and Microsoft refuses the secret (AADSTS700025);
 * under spa its tokens need a browser's Origin (AADSTS9002327) and die after 24 hours; under two
 * platforms Entra "will pick one arbitrarily" (https://learn.microsoft.com/entra/identity-platform/reply-url).
 */
function checkRedirect(app: GraphApplication): SamAppCheck {
  const on = (platform: Platform | undefined) => (platform?.redirectUris ?? []).some(isLoopback);
  const [web, publicClient, spa] = [on(app.web), on(app.publicClient), on(app.spa)];
  if (web && !publicClient && !spa) return pass('redirect', REDIRECT_LABEL, 'Registered under “Web”: SAM Desk signs in as a confidential client with the app’s secret.');
  if (web) {
    return fail('redirect', REDIRECT_LABEL, 'http://localhost is registered under more than one platform, and Microsoft picks one of them at random for each sign-in. Keep it under “Web” only.');
  }
  if (spa) {
    return fail('redirect', REDIRECT_LABEL, 'http://localhost is registered as a single-page app (spa): a desktop app cannot redeem its sign-ins (AADSTS9002327) and its refresh tokens die after 24 hours (AADSTS700084). Move it to “Web”.');
  }
  if (publicClient) {
    return fail('redirect', REDIRECT_LABEL, 'http://localhost is registered under “Mobile and desktop applications” (a public client), so Microsoft refuses the app’s client secret (AADSTS700025). Move it to “Web”.');
  }
  return fail('redirect', REDIRECT_LABEL, 'http://localhost is not registered as a “Web” redirect, so sign-in cannot return to SAM Desk.');
}

function checkSecret(app: GraphApplication, secret: string | undefined, now: Date, created: boolean): SamAppCheck {
  const label = 'Client secret valid for 30 days or more';
  const credentials = app.passwordCredentials ?? [];
  if (!secret) {
    return fail(
      'secret',
      label,
      credentials.length === 0
        ? 'The app has no client secret; SAM Desk signs in with one (a confidential Web app). Fixing the app creates one and shows it to you once.'
        : 'Enter the value of one of the app’s client secrets above. Or fix the app: SAM Desk creates a new secret and shows it to you once.',
    );
  }
  // Graph never returns a secret, only its first three characters (`hint`).
  const matching = credentials.filter((credential) => credential.hint && secret.startsWith(credential.hint));
  const latest = matching.map((credential) => Date.parse(credential.endDateTime ?? '')).sort((a, b) => b - a)[0];
  if (latest === undefined || Number.isNaN(latest)) {
    return fail('secret', label, 'This secret does not belong to the app. Check that you copied the secret’s value, not its id.');
  }
  const days = Math.floor((latest - now.getTime()) / DAY_MS);
  const until = formatDate(new Date(latest).toISOString());
  if (days < 0) return fail('secret', label, `The secret expired on ${until}.`);
  if (days < SECRET_WARNING_DAYS) return fail('secret', label, `The secret expires in ${days} days, on ${until}.`);
  return created
    ? pass('secret', label, `SAM Desk created a new client secret, valid until ${until}. It is in your keychain and shown to you once below.`)
    : pass('secret', label, `The secret is valid until ${until}.`);
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

/** The registration body `create()` posts: the one shape, the Web redirect; the secret is added next. */
export const samAppShape: Readonly<{ signInAudience: string; isFallbackPublicClient: boolean; web: Platform }> = {
  signInAudience: 'AzureADMultipleOrgs',
  isFallbackPublicClient: true,
  web: { redirectUris: ['http://localhost'] },
};

/**
 * The Graph PATCH that makes the registration what SAM Desk needs, keeping what else is there:
 * a loopback redirect under "Mobile and desktop" or spa moves to Web (one platform only).
 */
export function fixedRegistration(app: GraphApplication, withPermissions: (existing: ResourceAccess[]) => ResourceAccess[]) {
  const webRedirects = app.web?.redirectUris ?? [];
  const withoutLoopback = (platform: Platform | undefined) => (platform?.redirectUris ?? []).filter((uri) => !isLoopback(uri));
  return {
    signInAudience: MULTI_TENANT.has(app.signInAudience ?? '') ? app.signInAudience : samAppShape.signInAudience,
    isFallbackPublicClient: samAppShape.isFallbackPublicClient,
    web: { ...app.web, redirectUris: webRedirects.some(isLoopback) ? webRedirects : [...webRedirects, ...(samAppShape.web.redirectUris ?? [])] },
    publicClient: { redirectUris: withoutLoopback(app.publicClient) },
    spa: { redirectUris: withoutLoopback(app.spa) },
    requiredResourceAccess: withPermissions(app.requiredResourceAccess ?? []),
  };
}
