import type { HandlerGroup } from './types';

export const tenantHandlers: HandlerGroup<'tenants.list'> = ({ customers }) => ({
  'tenants.list': ({ profileId, refresh }) => customers.list(profileId, refresh),
});
