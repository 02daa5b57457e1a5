import type { Services } from './services';
import { appHandlers } from './handlers/app';
import { consentHandlers } from './handlers/consent';
import { snippetHandlers } from './handlers/snippets';
import { tenantHandlers } from './handlers/tenants';
import { accessCheckHandlers } from './handlers/accessCheck';
import { profileHandlers } from './handlers/profiles';
import { settingsHandlers } from './handlers/settings';
import { samAppHandlers } from './handlers/samApp';
import { customerConsentHandlers } from './handlers/customerConsent';
import { keyVaultHandlers } from './handlers/keyVault';
import { probeHandlers } from './handlers/probes';
import type { HandlerOptions, Handlers } from './handlers/types';


/** What each IPC channel does, in terms of the domain services. Transport-agnostic. */
export function createHandlers(services: Services, options: HandlerOptions = {}): Handlers {
  return {
    ...appHandlers(services, options),
    ...consentHandlers(services, options),
    ...tenantHandlers(services, options),
    ...accessCheckHandlers(services, options),
    ...snippetHandlers(services, options),
    ...profileHandlers(services, options),
    ...settingsHandlers(services, options),
    ...samAppHandlers(services, options),
    ...customerConsentHandlers(services, options),
    ...keyVaultHandlers(services, options),
    ...probeHandlers(services, options),
  };
}
