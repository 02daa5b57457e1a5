import type { EventSink } from '../app/events';
import type { Logger } from '../app/logger';
import type { Environment } from '../config/environment';
import type { HttpClient } from '../http/httpClient';
import type { SignInBrowser, WindowOpener } from '../identity/consent';
import type { RefreshTokenKeeper } from '../identity/refreshTokens';
import type { TokenClient } from '../identity/tokenClient';
import type { ProfileService } from '../profiles/profileService';
import type { SecretVault } from '../vault/secretVault';
import { VaultJoin } from './joinFromVault';
import { KeyVaultTokens } from './keeperCredential';
import { PublicationStore } from './publicationStore';
import { InteractiveReaderSignIn, type VaultReaderSignIn } from './readerSignIn';
import { VaultDiscovery } from './vaultDiscovery';
import { KeyVaultSync } from './vaultSync';
import type { Sleep } from './vaultSecrets';

/** Azure Key Vault for the team: publish and keep a profile in step, join from a vault, find vaults. */
export interface KeyVaultServices {
  sync: KeyVaultSync;
  join: VaultJoin;
  discovery: VaultDiscovery;
  /** The app's sign-in window for a teammate who joins from a vault. */
  readerSignIn(browser: SignInBrowser, onWindowClosed: () => void): VaultReaderSignIn;
}

export interface KeyVaultCollaborators {
  environment: Environment;
  http: HttpClient;
  keeper: RefreshTokenKeeper;
  tokenClient: TokenClient;
  keychain: SecretVault;
  /** Files a joined profile. */
  accounts: ProfileService;
  opener: WindowOpener;
  events: EventSink;
  logger: Logger;
  now: () => Date;
  sleep?: Sleep;
  batchMs?: number;
}

export function createKeyVaultServices(collaborators: KeyVaultCollaborators): KeyVaultServices {
  const { environment, http, keeper, tokenClient, keychain, accounts, opener, events, logger, now } = collaborators;
  const store = new PublicationStore(environment.home);
  const tokens = new KeyVaultTokens(keeper, now);
  const sync = new KeyVaultSync({
    cloud: environment.cloud,
    extraCa: environment.extraCa,
    keeper,
    tokens,
    tokenClient,
    keychain,
    store,
    events,
    logger,
    now,
    sleep: collaborators.sleep,
    batchMs: collaborators.batchMs,
  });
  return {
    sync,
    join: new VaultJoin({ cloud: environment.cloud, extraCa: environment.extraCa, tokenClient, accounts, store, sync, now }),
    discovery: new VaultDiscovery(environment.cloud, http, keeper),
    readerSignIn: (browser, onWindowClosed) => new InteractiveReaderSignIn(environment.cloud, http, opener, browser, onWindowClosed, now),
  };
}
