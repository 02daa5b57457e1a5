import { samAppSecretAccount } from '../../identity/consent';
import { UnknownProfileError } from '../../identity/refreshTokens';
import { vaultAccounts } from '../../vault/secretVault';
import type { HandlerGroup } from './types';
import { removeProfileFiles } from '../../profiles/profileFiles';

export const profileManagementHandlers: HandlerGroup<'profiles.rename' | 'profiles.remove'> = ({
  profiles,
  vault,
  lifetimes,
  environment,
  keyVault,
  customers,
}) => ({
  'profiles.rename': async ({ profileId, name }) => {
    const updated = await profiles.update((all) => all.map((profile) => (profile.id === profileId ? { ...profile, name } : profile)));
    const profile = updated.find((candidate) => candidate.id === profileId);
    if (!profile) throw new UnknownProfileError(profileId);
    return lifetimes.summarize(profile);
  },
  'profiles.remove': async ({ profileId, vaultSecrets }) => {
    const profile = await profiles.get(profileId);
    if (!profile) throw new UnknownProfileError(profileId);
    // A published profile: the vault's secrets go first when asked (a refusal keeps everything), then publishing stops.
    await keyVault.sync.unpublish(profileId, vaultSecrets === 'delete');
    // Secrets first: if the keychain refuses, the profile stays listed and can be removed again.
    await vault.delete(vaultAccounts.refreshToken(profileId));
    await vault.delete(vaultAccounts.clientSecret(profileId));
    await vault.delete(vaultAccounts.exchangeRefreshToken(profileId));
    const othersUseApp = (await profiles.list()).some((other) => other.id !== profileId && other.clientId === profile.clientId);
    if (!othersUseApp) await vault.delete(samAppSecretAccount(profile.clientId));
    await profiles.update((all) => all.filter((candidate) => candidate.id !== profileId));
    // Its cached customer list, access check and readiness results hold no secrets, but they
    // belong to it; a list still being written in the background would bring its file back.
    await customers.written(profileId).catch(() => undefined);
    await removeProfileFiles(environment.home, profileId);
  },
});
