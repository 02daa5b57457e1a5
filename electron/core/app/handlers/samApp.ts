import { confirmations, requireConfirmation } from '../confirmations';
import type { HandlerGroup } from './types';

export const samAppHandlers: HandlerGroup<'samApp.signIn' | 'samApp.create' | 'samApp.validate' | 'samApp.fix'> = ({ samApp }, { confirm }) => ({
  'samApp.signIn': ({ partnerTenant, browser }) => samApp.signIn(partnerTenant, browser ?? 'embedded'),
  'samApp.create': async ({ displayName }) => {
    await requireConfirmation(confirm, confirmations.createApp(displayName));
    return samApp.create(displayName);
  },
  'samApp.validate': ({ clientId, clientSecret }) => samApp.validate(clientId, clientSecret),
  'samApp.fix': async ({ clientId }) => {
    await requireConfirmation(confirm, confirmations.fixApp(clientId));
    return samApp.fix(clientId);
  },
});
