import type { HandlerGroup } from './types';

export const profileHandlers: HandlerGroup<'profiles.list' | 'profiles.renew' | 'profiles.renewAll'> = ({ lifetimes, renewal }) => ({
  'profiles.list': () => lifetimes.list(),
  'profiles.renew': ({ profileId }) => renewal.renew(profileId),
  'profiles.renewAll': () => renewal.renewAll(),
});
