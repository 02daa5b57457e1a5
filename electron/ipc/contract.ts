/**
 * The one IPC contract shared by main, preload and renderer.
 *
 * Every channel names its input schema (validated in main with zod before any handler runs)
 * and its result type. The preload and the browser harness both build the renderer's API from
 * `channelNames` with `buildApi`, so there is no other way in.
 */
import { z } from 'zod';
import { displayText } from './displayText';

// ---------- shared shapes ----------

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const domainName = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export const tenantIdSchema = z
  .string()
  .max(100, 'A tenant id looks like 00000000-0000-0000-0000-000000000000.')
  .trim()
  .regex(guid, 'A tenant id looks like 00000000-0000-0000-0000-000000000000.')
  .transform((value) => value.toLowerCase());

/** A partner tenant may be named by its id or by a verified domain such as contoso.onmicrosoft.com. */
export const tenantRefSchema = z
  .string()
  .max(300, 'Enter a tenant id (a GUID) or a domain such as contoso.onmicrosoft.com.')
  .trim()
  .min(1, 'Enter your partner tenant id or domain.')
  .refine((value) => guid.test(value) || domainName.test(value), {
    message: 'Enter a tenant id (a GUID) or a domain such as contoso.onmicrosoft.com.',
  })
  .transform((value) => value.toLowerCase());

export const applicationIdSchema = z
  .string()
  .max(100, 'An application (client) id looks like 00000000-0000-0000-0000-000000000000.')
  .trim()
  .regex(guid, 'An application (client) id looks like 00000000-0000-0000-0000-000000000000.')
  .transform((value) => value.toLowerCase());

/**
 * A pasted client secret: one line of printable characters. Spaces, quotes and line breaks inside
 * mean something else was copied along with it (Microsoft's secrets have none).
 */
export const clientSecretSchema = z
  .string()
  .max(1024, 'That is too long for a client secret: copy only the secret’s Value.')
  .trim()
  .min(1, 'Enter the client secret’s Value.')
  .max(512, 'That is too long for a client secret: copy only the secret’s Value.')
  .regex(/^[\x21\x23-\x26\x28-\x7e]+$/, 'A client secret is one line without spaces or quotes: copy only the secret’s Value (not its ID).');

/**
 * A pasted refresh token (Microsoft's are opaque, about 1–2 KB, letters, digits and -._~).
 * Surrounding whitespace and quotes from a shell or a file are trimmed; anything else is refused.
 */
export const refreshTokenSchema = z
  .string()
  .max(64 * 1024, 'That is too long to be a refresh token.')
  .transform((value) => value.trim().replace(/^(["'])(.*)\1$/s, '$2').trim())
  .pipe(
    z
      .string()
      .min(100, 'That is too short to be a whole refresh token: copy all of it.')
      .max(16 * 1024, 'That is too long to be a refresh token.')
      .regex(/^[A-Za-z0-9._~+/=-]+$/, 'A refresh token is one line of letters, digits and - . _ ~; something else was copied with it.'),
  );

export const profileIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/, 'Unknown profile.');

/** A profile's name as typed: control, bidi and zero-width characters are dropped (displayText.ts). */
export const profileNameSchema = z
  .string()
  .max(200, 'Use at most 80 characters.')
  .transform(displayText)
  .pipe(z.string().min(1, 'Give the profile a name.').max(80, 'Use at most 80 characters.'));

/** PowerShell modules a snippet connects; the last four are the retired forms of the seed documents. */
export const snippetModuleSchema = z.enum([
  'az',
  'graph',
  'exchange',
  'partnercenter',
  'azuread',
  'msonline',
  'az-aadgraph',
  'exchange-legacy',
]);
export type SnippetModule = z.infer<typeof snippetModuleSchema>;

/** paste: live access tokens inside; script: redeems a vaulted refresh token at run time; all-customers: script, looped. */
export const snippetModeSchema = z.enum(['paste', 'script', 'all-customers']);
export type SnippetMode = z.infer<typeof snippetModeSchema>;

export interface ProfileSummary {
  id: string;
  name: string;
  cloud: string;
  partnerTenantId: string;
  clientId: string;
  /** The signed-in partner admin, e.g. admin@contoso.onmicrosoft.com. */
  user: string;
  mfa: boolean;
  issuedAt: string;
  lastRedeemedAt: string;
  /** Last redemption + 90 days: when the stored refresh token lapses if nothing renews it. */
  refreshTokenExpiresAt: string;
  /** How urgent the refresh token's expiry is, with the user's thresholds. */
  level: LifetimeLevel;
  /** When the refresh token really ends: the earliest of the 90-day limit and any known hard limit. */
  expiresAt: string;
  /** The last renewal that failed, when no redemption has succeeded since. */
  lastError?: RenewalFailureSummary;
}

export type LifetimeLevel = 'healthy' | 'warning' | 'critical' | 'expired' | 'revoked';

export interface RenewalFailureSummary {
  /** "AADSTS700082", or the kind of failure ("network", "keychain") when Microsoft did not answer. */
  code: string;
  at: string;
  /** The plain-language explanation. */
  message: string;
  action?: string;
  /** Only a new sign-in (consent) brings this profile back. */
  reconsent: boolean;
}

export interface RenewalResult {
  profile: ProfileSummary;
  renewed: boolean;
  error?: UserFacingError;
}

/** User settings; every field has a default, so an older settings file still reads. */
export const settingsSchema = z.object({
  /** A refresh token with this many days or fewer left is shown as a warning. */
  warningDays: z.number().int('Whole days only.').min(1, 'Warn at least 1 day ahead.').max(89, 'Warn at most 89 days ahead.'),
  criticalDays: z.number().int('Whole days only.').min(1, 'Critical starts at least 1 day ahead.').max(88, 'Critical starts at most 88 days ahead.'),
  /** Renew a refresh token once this many days have passed since it was last used. */
  renewAfterDays: z.number().int('Whole days only.').min(1, 'Renew after at least 1 day.').max(80, 'Renew after at most 80 days, well before the 90-day limit.'),
  autoRenew: z.boolean(),
  startAtLogin: z.boolean(),
  clipboardClearSeconds: z.number().int('Whole seconds only.').min(0, 'Use 0 to never clear.').max(3600, 'Clear within an hour at most.'),
  notifications: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

// Customer tenants, their GDAP relationships and DAP: customers.ts.
export * from './customers';
import type { CustomerList, DapCheck } from './customers';

/** The resources an access check mints a token for, per customer. */
export const accessResourceSchema = z.enum(['azure', 'graph', 'exchange', 'partnercenter']);
export type AccessResource = z.infer<typeof accessResourceSchema>;

/** One cell of the access matrix: a customer × a resource. */
export type AccessOutcome =
  | { status: 'ok' }
  | {
      status: 'failed';
      /** A few words for the matrix cell, e.g. "Not consented". */
      label: string;
      /** What happened, in a sentence (from the AADSTS explanations). */
      reason: string;
      action?: string;
      /** e.g. AADSTS65001 */
      code?: string;
    }
  | { status: 'skipped' };

export interface CustomerAccess {
  tenantId: string;
  results: Partial<Record<AccessResource, AccessOutcome>>;
}

export interface AccessCheckReport {
  profileId: string;
  resources: AccessResource[];
  startedAt: string;
  finishedAt: string;
  /** The user cancelled: customers not reached are marked skipped. */
  cancelled: boolean;
  customers: CustomerAccess[];
}

// ---------- readiness: will a module work for a customer (readiness.ts; model in electron/core/readiness) ----------
export * from './readiness';
import type { ConsentFinding, ProbeReport, ProbeResults } from './readiness';

const readinessChannels = {
  /** "Check access": per customer and resource, a token and one read-only call; progress arrives as events. */
  'probes.run': {
    input: z.object({
      profileId: profileIdSchema,
      // Each resource once, bounded: a request cannot multiply the calls made per customer.
      resources: z.array(accessResourceSchema).min(1, 'Choose at least one resource to check.').max(16, 'Choose each resource once.').transform((resources) => [...new Set(resources)]),
      /** Omitted: every customer in the list. */
      customerTenantIds: z.array(tenantIdSchema).max(50_000).optional(),
      concurrency: z.number().int().min(1).max(32).default(8),
    }),
    result: {} as ProbeReport,
  },
  'probes.cancel': { input: z.undefined(), result: undefined as void },
  /** Every customer's newest check results, and the last run as it was. */
  'probes.results': { input: z.object({ profileId: profileIdSchema }), result: {} as ProbeResults },
} as const;
export type { ConsentFinding };

/**
 * How a scheduled clipboard clear ended: cleared; left alone because the user copied something
 * else since; superseded by a newer copy (which has its own schedule); or the clipboard was unreadable.
 */
export type ClipboardOutcome = 'cleared' | 'replaced' | 'superseded' | 'unreadable';

/** A secret main put on the clipboard and will clear at `clearsAt` (the 'clipboard.settled' event says how it went). */
export interface ClipboardCopy {
  id: number;
  clearsAt: string;
}

/** What the window learns of a snippet main put on the clipboard: never the snippet itself. */
export interface CopiedSnippet {
  /** The snippet with every secret replaced by a placeholder, safe to show on screen. */
  preview: string;
  /** When the embedded access tokens lapse; absent when nothing secret is embedded (script modes). */
  expiresAt?: string;
  /** Whether the copied snippet holds a token. */
  containsSecret: boolean;
  /** Its scheduled clear; absent when nothing secret is inside or the setting is 0 (never). */
  clear?: ClipboardCopy;
}

export interface AppState {
  cloud: { name: string; loginHost: string };
  profiles: ProfileSummary[];
  /** Values to pre-fill the connect form with (from settings or the demo); never secrets. */
  suggestions: { partnerTenant?: string; clientId?: string };
  /** Problems found at start that did not stop SAM Desk, e.g. a damaged metadata file set aside. */
  notices?: StartupNotice[];
}

export interface StartupNotice {
  title: string;
  message: string;
  action?: string;
}

/** What every failed call rejects with, after crossing the IPC boundary. */
export interface UserFacingError {
  /** A stable kind the UI can branch on. */
  kind: 'invalid-input' | 'microsoft' | 'network' | 'keychain' | 'cancelled' | 'not-found' | 'internal';
  /** One or two plain sentences for a person. */
  message: string;
  /** What fixes it, in words, when we know. */
  action?: string;
  /** AADSTS code and correlation id, for a support ticket. */
  code?: string;
  correlationId?: string;
  /** Which button fixes it (re-consent, grant customer consent, fix the app, retry…). */
  fix?: FixAction;
}

/** The remedies the UI offers as buttons for an error. */
export type FixAction =
  | 're-consent'
  | 'renew'
  | 'grant-customer-consent'
  | 'repair-customer-consent'
  | 'check-app'
  | 'check-tenant'
  | 'check-relationship'
  | 'system-browser'
  | 'retry'
  | 'none';

// ---------- consent wizard (SAM app, device code, verification, customer consent) ----------

/** One line of the SAM app checklist. */
export interface SamAppCheck {
  id: 'multi-tenant' | 'redirect' | 'public-client' | 'permissions' | 'admin-consent' | 'secret';
  label: string;
  status: 'pass' | 'fail' | 'warn';
  detail: string;
}

export interface SamAppResult {
  app: { appId: string; displayName: string };
  checks: SamAppCheck[];
  /** A secret SAM Desk just created: shown once, already in the keychain. */
  newSecret?: { text: string; expiresAt: string };
}

export interface DeviceCodePromptView {
  userCode: string;
  verificationUri: string;
  expiresAt: string;
  intervalSeconds: number;
}

export interface DeviceCodeResult {
  user: string;
  mfa: boolean;
  profile: ProfileSummary;
}

/** What the wizard's verify step found by using the stored refresh token. */
export interface ConsentVerification {
  user: string;
  tenantId: string;
  scopes: string[];
  mfa: boolean;
  accessTokenExpiresAt: string;
  refreshTokenExpiresAt: string;
  partnerCenter: { ok: true; customerCount: number } | { ok: false; error: UserFacingError };
  graph: { ok: true; organization: string } | { ok: false; error: UserFacingError };
  /** The modern Exchange path: the SAM app's own Exchange.Manage consent redeems for Exchange Online. */
  exchangeModern: { ok: true } | { ok: false; error: UserFacingError };
  /** A refresh token for the Exchange Online PowerShell app (device-code step) is in the keychain. */
  exchangeDeviceCodeStored: boolean;
}

export interface CustomerConsent {
  tenantId: string;
  name: string;
  /**
   * consented: tokens were issued there for every resource checked, or Partner Center just created the
   * consent; partial: some resources were refused (AADSTS65001), a consent with stale scopes (repair
   * renews it); exists: Partner Center says a consent is already there (with scopes it does not tell).
   */
  status: 'consented' | 'partial' | 'exists' | 'not-consented' | 'no-access' | 'error';
  /** Partner Center lists the customer: only then can it consent there. */
  inPartnerCenter: boolean;
  /** partial: the resources the SAM app is not consented for. */
  missing?: AccessResource[];
  /** Not consented and not in Partner Center: the link the customer's admin opens to consent (admin-consent endpoint). */
  adminConsentUrl?: string;
  error?: UserFacingError;
}
// The consent screen's counts and filters: customerConsentSummary.ts.
export * from './customerConsentSummary';

/** Embedded sign-in window when omitted. */
const signInBrowserSchema = z.enum(['embedded', 'system']).optional();

// ---------- Azure Key Vault: publish a profile's refresh token, stay in step, join from a vault ----------

/** SAM Desk's secret names, or CIPP's exact ones (ApplicationID, ApplicationSecret, TenantID, RefreshToken). */
export const vaultNameSchemeSchema = z.enum(['samdesk', 'cipp']);
export type VaultNameScheme = z.infer<typeof vaultNameSchemeSchema>;

/** A vault URL or name as typed; main checks it against the cloud's Key Vault domain. */
const vaultUrlSchema = z
  .string()
  .max(300, 'That is too long for a vault URL.')
  .trim()
  .min(1, 'Enter the vault’s URL, for example https://contoso-sam.vault.azure.net/.');

export interface VaultSecretNames {
  refreshToken: string;
  applicationId: string;
  applicationSecret: string;
  tenantId: string;
}

/** A vault found in the partner's subscriptions (Azure Resource Manager). */
export interface VaultChoice {
  name: string;
  vaultUrl: string;
  subscription: string;
  resourceGroup: string;
  location: string;
  /** The vault uses Azure RBAC (Key Vault Secrets Officer / User), not access policies. */
  rbac: boolean;
}

/** Where a profile's refresh token is published and how that copy stands; never a secret. */
export interface VaultPublication {
  profileId: string;
  vaultUrl: string;
  vaultName: string;
  names: VaultNameScheme;
  secretNames: VaultSecretNames;
  publishedAt: string;
  /** in-sync: the vault holds the token the keychain holds; pending: a rotation waits to be pushed. */
  state: 'in-sync' | 'pending' | 'failed';
  lastPushedAt?: string;
  /** A newer token someone else wrote to the vault was taken into the keychain. */
  lastAdoptedAt?: string;
  /** When SAM Desk last compared the vault's copy with the keychain's. */
  lastCheckedAt?: string;
  /** The refresh token's current version in the vault, as SAM Desk last saw it. */
  currentVersion?: { version: string; createdAt: string; bySamDesk: boolean };
  /** The vault copy's expiry attribute: 90 days after the token's last use. */
  expiresAt?: string;
  error?: VaultFailure;
}

export interface VaultFailure {
  /** For the status line, e.g. "403 — you need the Key Vault Secrets Officer role on this vault". */
  summary: string;
  message: string;
  action?: string;
  code: string;
  at: string;
  /** When SAM Desk tries again by itself. */
  nextAttemptAt?: string;
}

// One wording for a vault copy's state, in the window and the CLI.
export { describeVaultStatus, formatAgo } from './vaultStatus';

const keyVaultChannels = {
  /** How every published profile's vault copy stands. */
  'keyVault.list': { input: z.undefined(), result: [] as VaultPublication[] },
  /** The key vaults in the partner's Azure subscriptions. */
  'keyVault.vaults': { input: z.object({ profileId: profileIdSchema }), result: [] as VaultChoice[] },
  /** Writes the profile's refresh token, app id, tenant id (and client secret) to the vault; later rotations follow. */
  'keyVault.publish': {
    input: z.object({ profileId: profileIdSchema, vaultUrl: vaultUrlSchema, names: vaultNameSchemeSchema }),
    result: {} as VaultPublication,
  },
  /** Pushes now, or adopts a newer version someone else wrote; `recoverDeleted` first recovers soft-deleted secrets. */
  'keyVault.sync': {
    input: z.object({ profileId: profileIdSchema, recoverDeleted: z.boolean().optional() }),
    result: {} as VaultPublication,
  },
  /** Stops publishing; the vault's secrets stay unless `deleteSecrets`. */
  'keyVault.unpublish': { input: z.object({ profileId: profileIdSchema, deleteSecrets: z.boolean() }), result: undefined as void },
  /** A teammate's profile from a vault: sign in to read it, keep a copy in the keychain, stay in step. */
  'keyVault.join': {
    input: z.object({ vaultUrl: vaultUrlSchema, names: vaultNameSchemeSchema.optional(), browser: z.enum(['embedded', 'system']).optional() }),
    result: {} as { profile: ProfileSummary; publication: VaultPublication },
  },
  'keyVault.cancelJoin': { input: z.undefined(), result: undefined as void },
} as const;


// ---------- channels ----------

export const contract = {
  'app.state': { input: z.undefined(), result: {} as AppState },
  'consent.start': {
    input: z.object({
      partnerTenant: tenantRefSchema,
      clientId: applicationIdSchema,
      clientSecret: clientSecretSchema.optional(),
      profileName: profileNameSchema.optional(),
      browser: signInBrowserSchema,
    }),
    result: {} as ProfileSummary,
  },
  'consent.cancel': { input: z.undefined(), result: undefined as void },
  /** Uses the stored refresh token: decodes it, calls Partner Center and Graph, counts customers. */
  'consent.verify': { input: z.object({ profileId: profileIdSchema }), result: {} as ConsentVerification },
  /** The partner admin signs in (Azure PowerShell's public client) so SAM Desk may manage app registrations. */
  'samApp.signIn': {
    input: z.object({ partnerTenant: tenantRefSchema, browser: signInBrowserSchema }),
    result: {} as { user: string; tenantId: string },
  },
  'samApp.create': {
    input: z.object({ displayName: z.string().trim().min(1, 'Give the app a name.').max(120) }),
    result: {} as SamAppResult,
  },
  'samApp.validate': {
    input: z.object({ clientId: applicationIdSchema, clientSecret: clientSecretSchema.optional() }),
    result: {} as SamAppResult,
  },
  'samApp.fix': { input: z.object({ clientId: applicationIdSchema }), result: {} as SamAppResult },
  /** Puts the app's client secret SAM Desk created (kept in the keychain) on the clipboard, concealed, cleared like a snippet. */
  'samApp.copySecret': { input: z.object({ clientId: applicationIdSchema }), result: {} as { clear?: ClipboardCopy } },
  /** Device-code sign-in: `start` returns the code to show, `wait` resolves when the tokens are stored. */
  'deviceCode.start': {
    input: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('exchange'), profileId: profileIdSchema }),
      z.object({
        kind: z.literal('sam'),
        partnerTenant: tenantRefSchema,
        clientId: applicationIdSchema,
        profileName: profileNameSchema.optional(),
      }),
    ]),
    result: {} as DeviceCodePromptView,
  },
  'deviceCode.wait': { input: z.undefined(), result: {} as DeviceCodeResult },
  'deviceCode.cancel': { input: z.undefined(), result: undefined as void },
  'customerConsent.list': { input: z.object({ profileId: profileIdSchema }), result: [] as CustomerConsent[] },
  'customerConsent.grant': {
    input: z.object({
      profileId: profileIdSchema,
      customerTenantIds: z.array(tenantIdSchema).min(1).max(50_000),
      /** Remove the existing consent first, then grant SAM Desk's current permissions (stale scopes). */
      repair: z.boolean().default(false),
    }),
    result: [] as CustomerConsent[],
  },
  'profiles.rename': {
    input: z.object({ profileId: profileIdSchema, name: profileNameSchema }),
    result: {} as ProfileSummary,
  },
  /** Forgets a partner consent: its keychain entries and its metadata; a published profile's vault secrets stay unless `vaultSecrets: 'delete'`. */
  'profiles.remove': {
    input: z.object({ profileId: profileIdSchema, vaultSecrets: z.enum(['leave', 'delete']).optional() }),
    result: undefined as void,
  },
  'tenants.list': {
    input: z.object({
      profileId: profileIdSchema,
      refresh: z.boolean().default(false),
      /** Only the first N customers (the first screen; `total` then says how many there are). */
      first: z.number().int().min(1).optional(),
    }),
    result: {} as CustomerList,
  },
  /** Asks Partner Center whether these customers allow DAP (one call each, a few at a time); the saved list keeps the answer. */
  'tenants.checkDap': {
    input: z.object({ profileId: profileIdSchema, customerTenantIds: z.array(tenantIdSchema).min(1).max(100) }),
    result: [] as DapCheck[],
  },
  /** Mints a token per customer per resource and reports which work; progress arrives as events. */
  'accessCheck.run': {
    input: z.object({
      profileId: profileIdSchema,
      // Bounded and each resource once: a request cannot multiply the tokens minted per customer.
      resources: z.array(accessResourceSchema).min(1, 'Choose at least one resource to check.').max(16, 'Choose each resource once.').transform((resources) => [...new Set(resources)]),
      /** Omitted: every customer in the list. */
      customerTenantIds: z.array(tenantIdSchema).max(50_000).optional(),
      /** At most this many requests at once; the check starts with fewer and adapts (throttleGate.ts). */
      concurrency: z.number().int().min(1).max(32).default(16),
    }),
    result: {} as AccessCheckReport,
  },
  'accessCheck.cancel': { input: z.undefined(), result: undefined as void },
  /** The last access check's results for this profile, or null before the first one. */
  'accessCheck.last': { input: z.object({ profileId: profileIdSchema }), result: null as AccessCheckReport | null },
  'snippets.copy': {
    input: z
      .object({
        profileId: profileIdSchema,
        /** Not needed for mode all-customers. */
        customerTenantId: tenantIdSchema.optional(),
        module: snippetModuleSchema,
        /** paste when omitted; only paste mints access tokens. */
        mode: snippetModeSchema.optional(),
      })
      .refine((input) => input.mode === 'all-customers' || input.customerTenantId !== undefined, {
        message: 'Choose a customer for this snippet.',
      }),
    result: {} as CopiedSnippet,
  },
  /** The snippet as it would be copied, tokens as placeholders: nothing is minted and nothing is copied. */
  'snippets.preview': {
    input: z
      .object({
        profileId: profileIdSchema,
        customerTenantId: tenantIdSchema.optional(),
        module: snippetModuleSchema,
        mode: snippetModeSchema.optional(),
      })
      .refine((input) => input.mode === 'all-customers' || input.customerTenantId !== undefined, {
        message: 'Choose a customer for this snippet.',
      }),
    result: {} as { preview: string },
  },
  /** Every profile with its countdown, most urgent first. */
  'profiles.list': { input: z.undefined(), result: [] as ProfileSummary[] },
  'profiles.renew': { input: z.object({ profileId: profileIdSchema }), result: {} as RenewalResult },
  'profiles.renewAll': { input: z.undefined(), result: [] as RenewalResult[] },
  'settings.get': { input: z.undefined(), result: {} as Settings },
  /** A partial update; an invalid value is refused and nothing stored changes. */
  'settings.set': { input: settingsSchema.partial().strict(), result: {} as Settings },
  ...keyVaultChannels,
  ...readinessChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelResult<C extends Channel> = Contract[C]['result'];

export const channelNames = Object.keys(contract) as Channel[];

/** Events main pushes to the renderer. */
export interface EventPayloads {
  /** Open this URL in a window the user can see (browser harness only; Electron opens its own). */
  'window.open': { url: string };
  'window.close': Record<string, never>;
  /** A customer-list refresh is under way: `loaded` so far, `expected` = the last list's size, if known. */
  'tenants.progress': { profileId: string; loaded: number; expected?: number };
  /** An access check is under way: customer × resource cells done so far. */
  'accessCheck.progress': { profileId: string; checked: number; total: number; failed: number };
  /** A readiness check ("Check access") is under way: tasks (customer × resource, and GDAP roles) done so far. */
  'probes.progress': { profileId: string; checked: number; total: number; failed: number };
  /** The consent screen's check of every customer ('check'), or a grant for many ('grant'), is under way. */
  'customerConsent.progress': { profileId: string; phase: 'check' | 'grant'; done: number; total: number; consented?: number; failed?: number };
  /** Show this profile's countdown with renew / re-consent ready (a notification was clicked). */
  'profiles.focus': { profileId: string };
  /** Profiles changed in the background (automatic renewal); read them again. */
  'profiles.changed': Record<string, never>;
  /** A profile's vault copy changed state (pushed, adopted, failed); read keyVault.list again. */
  'keyVault.changed': { profileId: string };
  /** A scheduled clipboard clear ended (ClipboardCopy.id). */
  'clipboard.settled': { id: number; outcome: ClipboardOutcome };
}
export type EventName = keyof EventPayloads;

// ---------- the renderer-facing API ----------

type Split<S extends string> = S extends `${infer Head}.${infer Tail}` ? [Head, Tail] : never;
type Namespaces = Split<Channel>[0];
type MethodsOf<N extends string> = {
  [C in Channel as Split<C>[0] extends N ? Split<C>[1] : never]: undefined extends ChannelInput<C>
    ? (input?: ChannelInput<C>) => Promise<ChannelResult<C>>
    : (input: ChannelInput<C>) => Promise<ChannelResult<C>>;
};
export type SamDeskApi = { [N in Namespaces]: MethodsOf<N> } & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
};

/** What crosses the boundary: errors travel as data, so the renderer gets the plain-language text. */
export type Envelope = { ok: true; value: unknown } | { ok: false; error: UserFacingError };
export type Invoke = (channel: Channel, input: unknown) => Promise<Envelope>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

/**
 * Builds `api.consent.start(...)`-style domain functions over a transport (Electron IPC in the
 * preload, HTTP in the browser harness); a failed call rejects with a UserFacingError.
 */
export function buildApi(names: readonly string[], invoke: Invoke, subscribe: Subscribe): SamDeskApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const name of names) {
    const [namespace, method] = name.split('.') as [string, string];
    api[namespace] ??= {};
    api[namespace][method] = async (input?: unknown) => {
      const envelope = await invoke(name as Channel, input);
      if (envelope.ok) return envelope.value;
      throw envelope.error;
    };
  }
  return Object.freeze({ ...api, on: subscribe }) as unknown as SamDeskApi;
}

// How time left is worded and graded, identical in the window, the tray and the CLI.
export { defaultLevelThresholds, formatTimeLeft, levelAt, levelForTimeLeft, type LevelThresholds } from './timeLeft';
// Which GDAP relationships give admin access, and which of a customer's is the best.
export { bestRelationship, compareRelationships, givesAccess } from './relationships';

export const API_GLOBAL = 'samdesk';
/** Prefix of every Electron IPC channel name; events travel on `${IPC_PREFIX}event`. */
export const IPC_PREFIX = 'samdesk:';
