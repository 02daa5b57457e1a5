import type { HandlerGroup } from './types';

export const keyVaultHandlers: HandlerGroup<
  'keyVault.list' | 'keyVault.vaults' | 'keyVault.publish' | 'keyVault.sync' | 'keyVault.unpublish' | 'keyVault.join' | 'keyVault.cancelJoin'
> = ({ keyVault, lifetimes }) => ({
  'keyVault.list': () => keyVault.sync.list(),
  'keyVault.vaults': ({ profileId }) => keyVault.discovery.list(profileId),
  'keyVault.publish': ({ profileId, vaultUrl, names }) => keyVault.sync.publish(profileId, vaultUrl, names),
  'keyVault.sync': ({ profileId, recoverDeleted }) => keyVault.sync.sync(profileId, { recoverDeleted }),
  'keyVault.unpublish': ({ profileId, deleteSecrets }) => keyVault.sync.unpublish(profileId, deleteSecrets),
  'keyVault.join': async ({ vaultUrl, names, browser }) => {
    const joined = await keyVault.join.join({ vaultUrl, names }, (cancel) => keyVault.readerSignIn(browser ?? 'embedded', cancel));
    return { profile: await lifetimes.summarize(joined.profile), publication: joined.publication };
  },
  'keyVault.cancelJoin': async () => keyVault.join.cancel(),
});
