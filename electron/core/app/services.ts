import type { Environment } from '../config/environment';
import { createHttpClient, type HttpClient } from '../http/httpClient';
import { ConsentService, type WindowOpener } from '../identity/consent';
import { RefreshTokenKeeper } from '../identity/refreshTokens';
import { TokenClient } from '../identity/tokenClient';
import { ProfileStore } from '../profiles/profileStore';
import { CustomerTenantService } from '../tenants/customerTenants';
import { KeychainVault, type SecretVault } from '../vault/secretVault';

export interface Services {
  environment: Environment;
  http: HttpClient;
  vault: SecretVault;
  profiles: ProfileStore;
  keeper: RefreshTokenKeeper;
  consent: ConsentService;
  customers: CustomerTenantService;
}

export interface ServiceOverrides {
  opener: WindowOpener;
  vault?: SecretVault;
  now?: () => Date;
}

/** The one place every service is constructed and handed its collaborators (app, harness and CLI). */
export function createServices(environment: Environment, overrides: ServiceOverrides): Services {
  const now = overrides.now ?? (() => new Date());
  const http = createHttpClient({ extraCa: environment.extraCa });
  const vault = overrides.vault ?? new KeychainVault(environment.keychainService);
  const profiles = new ProfileStore(environment.home);
  const keeper = new RefreshTokenKeeper(vault, profiles, new TokenClient(environment.cloud, http, now), now);
  return {
    environment,
    http,
    vault,
    profiles,
    keeper,
    consent: new ConsentService(environment.cloud, http, vault, profiles, overrides.opener, now),
    customers: new CustomerTenantService(environment.cloud, http, keeper, environment.home, now),
  };
}
