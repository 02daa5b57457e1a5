import { confirmations, requireConfirmation } from '../confirmations';
import type { HandlerGroup } from './types';
import { samAppSecretAccount } from '../../identity/consent';
import { NothingToCopyError } from '../../clipboard/clipboardKeeper';

export const samAppHandlers: HandlerGroup<'samApp.signIn' | 'samApp.create' | 'samApp.validate' | 'samApp.fix' | 'samApp.copySecret'> = (
  { samApp, vault, clipboard, settings },
  { confirm },
) => ({
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
  // The secret shown once is copied by main, concealed and cleared like a snippet's tokens.
  'samApp.copySecret': async ({ clientId }) => {
    const secret = await vault.get(samAppSecretAccount(clientId));
    if (!secret) throw new NothingToCopyError('SAM Desk keeps no client secret for this app any more, so there is nothing to copy.');
    const clear = await clipboard.copy(secret, { secret: true, clearAfterSeconds: (await settings.get()).clipboardClearSeconds });
    return clear ? { clear } : {};
  },
});
