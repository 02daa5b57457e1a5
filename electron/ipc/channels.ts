/** Every IPC channel: its input schema (validated in main before any handler runs) and its result type. */
import { z } from 'zod';
import { type AccessCheckReport, accessResourceSchema } from './accessCheck';
import type { AppState, ClipboardCopy, CopiedSnippet } from './app';
import type { CustomerList, DapCheck } from './customers';
import { type VaultChoice, type VaultPublication, vaultNameSchemeSchema, vaultUrlSchema } from './keyVault';
import type { ProfileSummary, RenewalResult } from './profiles';
import type { ProbeReport, ProbeResults } from './readiness';
import { applicationIdSchema, clientSecretSchema, profileIdSchema, profileNameSchema, snippetModeSchema, snippetModuleSchema, tenantIdSchema, tenantRefSchema } from './schemas';
import { type Settings, settingsSchema } from './settings';
import { type ConsentVerification, type CustomerConsent, type DeviceCodePromptView, type DeviceCodeResult, type SamAppResult, signInBrowserSchema } from './wizard';

/**
 * A run over customers × resources ("Check access", the access check): each resource once and the
 * lists bounded, so a request cannot multiply the calls made per customer.
 */
function perCustomerRunInput(defaultConcurrency: number) {
  return z.object({
    profileId: profileIdSchema,
    resources: z.array(accessResourceSchema).min(1, 'Choose at least one resource to check.').max(16, 'Choose each resource once.').transform((resources) => [...new Set(resources)]),
    /** Omitted: every customer in the list. */
    customerTenantIds: z.array(tenantIdSchema).max(50_000).optional(),
    /** At most this many requests at once; the run starts with fewer and adapts (throttleGate.ts). */
    concurrency: z.number().int().min(1).max(32).default(defaultConcurrency),
  });
}

/** A snippet asked for, to copy or to preview. */
const snippetRequestInput = z
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
  });

const readinessChannels = {
  /** "Check access": per customer and resource, a token and one read-only call; progress arrives as events. */
  'probes.run': { input: perCustomerRunInput(8), result: {} as ProbeReport },
  'probes.cancel': { input: z.undefined(), result: undefined as void },
  /** Every customer's newest check results, and the last run as it was. */
  'probes.results': { input: z.object({ profileId: profileIdSchema }), result: {} as ProbeResults },
} as const;

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
  /** The app SAM Desk created under this name before (its alternate key), checked; null when there is none. */
  'samApp.find': {
    input: z.object({ displayName: z.string().trim().min(1, 'Give the app a name.').max(120) }),
    result: null as SamAppResult | null,
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
  'accessCheck.run': { input: perCustomerRunInput(16), result: {} as AccessCheckReport },
  'accessCheck.cancel': { input: z.undefined(), result: undefined as void },
  /** The last access check's results for this profile, or null before the first one. */
  'accessCheck.last': { input: z.object({ profileId: profileIdSchema }), result: null as AccessCheckReport | null },
  'snippets.copy': { input: snippetRequestInput, result: {} as CopiedSnippet },
  /** The snippet as it would be copied, tokens as placeholders: nothing is minted and nothing is copied. */
  'snippets.preview': { input: snippetRequestInput, result: {} as { preview: string } },
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
