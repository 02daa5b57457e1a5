import type { HandlerGroup } from './types';

export const tenantHandlers: HandlerGroup<'tenants.list' | 'tenants.checkDap'> = ({ customers }) => ({
  'tenants.list': ({ profileId, refresh }) => customers.list(profileId, refresh),
  'tenants.checkDap': ({ profileId, customerTenantIds }) => customers.checkDap(profileId, customerTenantIds),
});
