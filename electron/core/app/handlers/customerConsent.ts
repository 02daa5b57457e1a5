import type { HandlerGroup } from './types';

export const customerConsentHandlers: HandlerGroup<'customerConsent.list' | 'customerConsent.grant'> = ({ customerConsent }) => ({
  'customerConsent.list': ({ profileId }) => customerConsent.list(profileId),
  'customerConsent.grant': ({ profileId, customerTenantIds, repair }) => customerConsent.grant(profileId, customerTenantIds, { repair }),
});
