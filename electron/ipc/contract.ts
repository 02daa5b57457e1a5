/**
 * The one IPC contract shared by main, preload and renderer.
 *
 * Every channel names its input schema (validated in main with zod before any handler runs)
 * and its result type. The preload and the browser harness both build the renderer's API from
 * `channelNames` with `buildApi`, so there is no other way in.
 */
import { z } from 'zod';

// ---------- shared shapes ----------

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const domainName = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export const tenantIdSchema = z
  .string()
  .trim()
  .regex(guid, 'A tenant id looks like 00000000-0000-0000-0000-000000000000.')
  .transform((value) => value.toLowerCase());

/** A partner tenant may be named by its id or by a verified domain such as contoso.onmicrosoft.com. */
export const tenantRefSchema = z
  .string()
  .trim()
  .min(1, 'Enter your partner tenant id or domain.')
  .refine((value) => guid.test(value) || domainName.test(value), {
    message: 'Enter a tenant id (a GUID) or a domain such as contoso.onmicrosoft.com.',
  })
  .transform((value) => value.toLowerCase());

export const applicationIdSchema = z
  .string()
  .trim()
  .regex(guid, 'An application (client) id looks like 00000000-0000-0000-0000-000000000000.')
  .transform((value) => value.toLowerCase());

export const profileIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/, 'Unknown profile.');

export const snippetModuleSchema = z.enum(['az']);
export type SnippetModule = z.infer<typeof snippetModuleSchema>;

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
}

export type Relationship =
  | { kind: 'DAP' }
  | { kind: 'GDAP'; status: 'active' | 'expired'; endsAt: string | null };

export interface CustomerTenant {
  tenantId: string;
  name: string;
  domain: string;
  relationships: Relationship[];
}

export interface CustomerList {
  customers: CustomerTenant[];
  fetchedAt: string;
}

export interface CopiedSnippet {
  /** The snippet with live tokens in it: only ever sent because the user clicked "copy". */
  text: string;
  /** The same snippet with every secret replaced by a placeholder, safe to show on screen. */
  preview: string;
  expiresAt: string;
}

export interface AppState {
  cloud: { name: string; loginHost: string };
  profiles: ProfileSummary[];
  /** Values to pre-fill the connect form with (from settings or the demo); never secrets. */
  suggestions: { partnerTenant?: string; clientId?: string };
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
}

// ---------- channels ----------

export const contract = {
  'app.state': { input: z.undefined(), result: {} as AppState },
  'consent.start': {
    input: z.object({
      partnerTenant: tenantRefSchema,
      clientId: applicationIdSchema,
      clientSecret: z.string().trim().max(512).optional(),
      profileName: z.string().trim().min(1).max(80).optional(),
    }),
    result: {} as ProfileSummary,
  },
  'consent.cancel': { input: z.undefined(), result: undefined as void },
  'tenants.list': {
    input: z.object({ profileId: profileIdSchema, refresh: z.boolean().default(false) }),
    result: {} as CustomerList,
  },
  'snippets.copy': {
    input: z.object({ profileId: profileIdSchema, customerTenantId: tenantIdSchema, module: snippetModuleSchema }),
    result: {} as CopiedSnippet,
  },
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
 * Builds `api.consent.start(...)`-style domain functions over a transport; a failed call rejects
 * with a UserFacingError. Self-contained (no imports used inside) so the browser harness can
 * inject it into a page as source text.
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

export const API_GLOBAL = 'samdesk';
/** Prefix of every Electron IPC channel name; events travel on `${IPC_PREFIX}event`. */
export const IPC_PREFIX = 'samdesk:';
