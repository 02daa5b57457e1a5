import { confirmations, requireConfirmation } from '../confirmations';
import type { HandlerGroup } from './types';
import { samAppSecretAccount } from '../../identity/consent';
import { NothingToCopyError } from '../../clipboard/clipboardKeeper';
import { samAppUniqueName } from '../../samApp/appRegistration';
import type { SamAppResult } from '../../../ipc/wizard';

export const samAppHandlers: HandlerGroup<'samApp.signIn' | 'samApp.create' | 'samApp.find' | 'samApp.validate' | 'samApp.fix' | 'samApp.copySecret'> = (
  { samApp, vault, clipboard, settings, environment },
  { confirm },
) => {
  // A second "Create" for a name while the first runs (a double click) joins it: one question, one app, one secret.
  const creating = new Map<string, Promise<SamAppResult>>();
  return {
    'samApp.signIn': ({ partnerTenant, browser }) => samApp.signIn(partnerTenant, browser ?? 'embedded'),
    'samApp.create': ({ displayName }) => {
      const key = samAppUniqueName(displayName);
      const running = creating.get(key);
      if (running) return running;
      const creation = (async () => {
        await requireConfirmation(confirm, confirmations.createApp(displayName, environment.keychainService));
        return samApp.create(displayName);
      })().finally(() => creating.delete(key));
      creating.set(key, creation);
      return creation;
    },
    'samApp.find': ({ displayName }) => samApp.find(displayName),
    'samApp.validate': ({ clientId, clientSecret }) => samApp.validate(clientId, clientSecret),
    // The confirmation says what will change, and whether a new secret is minted; nothing is minted without it.
    'samApp.fix': async ({ clientId }) => {
      const plan = await samApp.fixPlan(clientId);
      await requireConfirmation(confirm, confirmations.fixApp(clientId, plan, environment.keychainService));
      return samApp.fix(clientId, { newSecret: plan.newSecret });
    },
    // The secret shown once is copied by main, concealed and cleared like a snippet's tokens.
    'samApp.copySecret': async ({ clientId }) => {
      const secret = await vault.get(samAppSecretAccount(clientId));
      if (!secret) throw new NothingToCopyError('SAM Desk keeps no client secret for this app any more, so there is nothing to copy.');
      const clear = await clipboard.copy(secret, { secret: true, clearAfterSeconds: (await settings.get()).clipboardClearSeconds });
      return clear ? { clear } : {};
    },
  };
};
