import type { HandlerGroup } from './types';

export const profileHandlers: HandlerGroup<'profiles.list' | 'profiles.renew' | 'profiles.renewAll' | 'profiles.rename' | 'profiles.remove'> = ({
  lifetimes,
  renewal,
  accounts,
}) => ({
  'profiles.list': () => lifetimes.list(),
  'profiles.renew': ({ profileId }) => renewal.renew(profileId),
  'profiles.renewAll': () => renewal.renewAll(),
  'profiles.rename': ({ profileId, name }) => accounts.rename(profileId, name),
  'profiles.remove': ({ profileId, vaultSecrets }) => accounts.remove(profileId, vaultSecrets),
});
