import type { HandlerGroup } from './types';

export const samAppHandlers: HandlerGroup<'samApp.signIn' | 'samApp.create' | 'samApp.validate' | 'samApp.fix'> = ({ samApp }) => ({
  'samApp.signIn': ({ partnerTenant, browser }) => samApp.signIn(partnerTenant, browser ?? 'embedded'),
  'samApp.create': ({ displayName }) => samApp.create(displayName),
  'samApp.validate': ({ clientId, clientSecret }) => samApp.validate(clientId, clientSecret),
  'samApp.fix': ({ clientId }) => samApp.fix(clientId),
});
