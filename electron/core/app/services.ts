import type { Environment } from '../config/environment';
import { withinCloud } from '../../shared/cloud';
import { createHttpClient, type HttpClient } from '../http/httpClient';
import { ConsentService, type WindowOpener } from '../identity/consent';
import { RefreshTokenKeeper } from '../identity/refreshTokens';
import { TokenClient } from '../identity/tokenClient';
import { ProfileStore } from '../profiles/profileStore';
import { CustomerTenantService } from '../tenants/customerTenants';
import { KeychainVault, type SecretVault } from '../vault/secretVault';
import { SettingsStore } from '../settings/settingsStore';
import { ProfileLifetimes } from '../lifetime/profileLifetimes';
import { RenewalService } from '../renewal/renewalService';
import { RenewalScheduler } from '../renewal/renewalScheduler';
import { ProfileService } from '../profiles/profileService';
import { SnippetService } from '../snippets/snippetService';
import { AccessCheckService } from '../accessCheck/accessCheckService';
import { noEvents, type EventSink } from './events';
import { DeviceCodeFlow, DeviceCodeSignIns } from '../identity/deviceCode';
import { SamAppService } from '../samApp/samAppService';
import { CustomerConsentService } from '../customerConsent/customerConsentService';
import { ConsentVerifier } from '../samApp/consentVerification';
import { createLogger, type Logger } from './logger';
import { createKeyVaultServices, type KeyVaultServices } from '../keyVault/keyVault';
import type { Sleep } from '../keyVault/vaultSecrets';
import { ClipboardKeeper, noClipboard, type SystemClipboard } from '../clipboard/clipboardKeeper';
import { ProbeService } from '../probes/probeService';
import { ProbeStore } from '../probes/probeStore';
import { bulkMintingBudget, type StartBudget } from './rateLimit';

export interface Services {
  environment: Environment;
  http: HttpClient;
  vault: SecretVault;
  profiles: ProfileStore;
  keeper: RefreshTokenKeeper;
  consent: ConsentService;
  customers: CustomerTenantService;
  settings: SettingsStore;
  /** Profile summaries with countdowns at this clock and the user's thresholds. */
  lifetimes: ProfileLifetimes;
  renewal: RenewalService;
  /** Renews due profiles at start and every hour; the tray starts it. */
  renewalScheduler: RenewalScheduler;
  /** Adds, renames and removes partner accounts: keychain entries, metadata and cached files together. */
  accounts: ProfileService;
  /** Ready-to-paste PowerShell per customer and module. */
  snippets: SnippetService;
  accessCheck: AccessCheckService;
  samApp: SamAppService;
  deviceCodes: DeviceCodeSignIns;
  customerConsent: CustomerConsentService;
  verifier: ConsentVerifier;
  /** Redacting logger (SAMDESK_HOME/logs); background failures are reported here. */
  logger: Logger;
  /** Publishing refresh tokens to Azure Key Vault and keeping them in step. */
  keyVault: KeyVaultServices;
  /** Copies secrets to the clipboard, concealed, and clears them again. */
  clipboard: ClipboardKeeper;
  /** "Check access": a token and one read-only call per customer and resource, for the readiness verdicts. */
  probes: ProbeService;
  /** How often the window may start minting a token for every customer (access checks), per profile. */
  bulkMinting: StartBudget;
}

export interface ServiceOverrides {
  opener: WindowOpener;
  vault?: SecretVault;
  now?: () => Date;
  /** Progress events for the renderer (Electron IPC or the harness's event stream). */
  events?: EventSink;
  /** The CLI's logger also writes to stderr; default: the log file only. */
  logger?: Logger;
  /** The OS clipboard (Electron's, or the desktop's in the browser harness); default: none (the CLI prints). */
  clipboard?: SystemClipboard;
  /** Key Vault pushes: rotations within `batchMs` go as one; `sleep` waits out throttling (tests pass their own). */
  keyVault?: { batchMs?: number; sleep?: Sleep };
}

/** The one place every service is constructed and handed its collaborators (app, harness and CLI). */
export function createServices(environment: Environment, overrides: ServiceOverrides): Services {
  const now = overrides.now ?? (() => new Date());
  // Nothing leaves for a host outside the cloud (a nextLink elsewhere, a planted URL): cloud.ts withinCloud.
  const bounds = { extraCa: environment.extraCa, onlyTo: (url: URL) => withinCloud(environment.cloud, url) };
  const http = createHttpClient(bounds);
  const vault = overrides.vault ?? new KeychainVault(environment.keychainService);
  const profiles = new ProfileStore(environment.home);
  const tokenClient = new TokenClient(environment.cloud, http, now);
  const keeper = new RefreshTokenKeeper(vault, profiles, tokenClient, now);
  const settings = new SettingsStore(environment.home);
  const lifetimes = new ProfileLifetimes(profiles, settings, vault, now);
  const events = overrides.events ?? noEvents;
  // Every stored rotation (a snippet, the access check, the customer list, a renewal) moves a countdown: the window reads them again.
  keeper.onRotated(() => events.emit('profiles.changed', {}));
  const customers = new CustomerTenantService(environment.cloud, http, keeper, environment.home, now, events);
  const accounts = new ProfileService({
    store: profiles,
    keychain: vault,
    lifetimes,
    home: environment.home,
    customerListWritten: (profileId) => customers.written(profileId),
    // keyVault is built below, with this service; a removal only ever runs after both exist.
    unpublish: (profileId, deleteVaultSecrets) => keyVault.sync.unpublish(profileId, deleteVaultSecrets),
  });
  const consent = new ConsentService(environment.cloud, http, vault, profiles, accounts, overrides.opener, now);
  const logger = overrides.logger ?? createLogger({ home: environment.home });
  const renewal = new RenewalService(keeper, profiles, lifetimes, settings, now);
  const keyVault = createKeyVaultServices({
    environment,
    http,
    keeper,
    tokenClient,
    keychain: vault,
    accounts,
    opener: overrides.opener,
    events,
    logger,
    now,
    ...overrides.keyVault,
  });
  return {
    environment,
    logger,
    http,
    vault,
    profiles,
    keeper,
    consent,
    customers,
    settings,
    lifetimes,
    renewal,
    renewalScheduler: new RenewalScheduler(renewal),
    accounts,
    snippets: new SnippetService(environment.cloud, keeper, customers, keyVault.sync),
    accessCheck: new AccessCheckService({
      cloud: environment.cloud,
      keeper,
      vault,
      customers,
      home: environment.home,
      events,
      // Its own client: retry waits go through the check's throttle gate.
      httpWithSleep: (sleep) => createHttpClient({ ...bounds, sleep }),
    }),
    probes: new ProbeService({
      cloud: environment.cloud,
      keeper,
      vault,
      customers,
      store: new ProbeStore(environment.home),
      events,
      httpWithSleep: (sleep) => createHttpClient({ ...bounds, sleep }),
    }),
    samApp: new SamAppService(environment.cloud, http, vault, overrides.opener, now),
    deviceCodes: new DeviceCodeSignIns(new DeviceCodeFlow(environment.cloud, http, now), consent, vault, profiles),
    customerConsent: new CustomerConsentService(environment.cloud, http, keeper, customers, vault, events),
    verifier: new ConsentVerifier(environment.cloud, http, vault, keeper, customers, lifetimes),
    bulkMinting: bulkMintingBudget(),
    clipboard: new ClipboardKeeper(overrides.clipboard ?? noClipboard, (id, outcome) => events.emit('clipboard.settled', { id, outcome })),
    keyVault,
  };
}
