import { randomUUID } from 'node:crypto';
import type { ProfileSummary } from '../../ipc/profiles';
import { samAppSecretAccount } from '../identity/consent';
import { UnknownProfileError } from '../identity/refreshTokens';
import type { ProfileLifetimes } from '../lifetime/profileLifetimes';
import { vaultAccounts, type SecretVault } from '../vault/secretVault';
import { removeProfileFiles } from './profileFiles';
import type { ProfileRecord, ProfileStore } from './profileStore';

/** A sign-in to file under a profile: who signed in to which app, and what Microsoft handed back. */
export interface SignedIn {
  partnerTenantId: string;
  clientId: string;
  user: string;
  refreshToken: string;
  clientSecret?: string;
  /** The rest of the record, knowing the profile this sign-in replaces (same tenant, app and admin), if any. */
  describe(existing: ProfileRecord | undefined): Omit<ProfileRecord, 'id' | 'partnerTenantId' | 'clientId' | 'user' | 'hasClientSecret'>;
}

export interface ProfileServiceCollaborators {
  store: ProfileStore;
  keychain: SecretVault;
  lifetimes: ProfileLifetimes;
  home: string;
  /** Resolves once a profile's customer list, written in the background, is on disk. */
  customerListWritten(profileId: string): Promise<void>;
  /** Stops publishing the profile to Azure Key Vault, deleting the vault's secrets when asked. */
  unpublish(profileId: string, deleteVaultSecrets: boolean): Promise<void>;
}

/**
 * A partner account's whole footprint: its keychain entries, its metadata and its cached files.
 * Adding, renaming and removing one happen here only, so nothing is left behind or half-written.
 */
export class ProfileService {
  constructor(private readonly deps: ProfileServiceCollaborators) {}

  /** Files a sign-in under a new profile, or under the existing one for this tenant, app and admin. */
  async add(signedIn: SignedIn): Promise<ProfileRecord> {
    const { partnerTenantId, clientId, user, refreshToken, clientSecret } = signedIn;
    const existing = (await this.deps.store.list()).find(
      (profile) => profile.partnerTenantId === partnerTenantId && profile.clientId === clientId && profile.user === user,
    );
    const id = existing?.id ?? `p-${randomUUID().slice(0, 8)}`;
    // Secrets first: metadata only ever points at a token that is already in the keychain.
    await this.deps.keychain.set(vaultAccounts.refreshToken(id), refreshToken);
    if (clientSecret) await this.deps.keychain.set(vaultAccounts.clientSecret(id), clientSecret);
    const profile: ProfileRecord = { ...signedIn.describe(existing), id, partnerTenantId, clientId, user, hasClientSecret: Boolean(clientSecret) };
    await this.deps.store.upsert(profile);
    return profile;
  }

  async rename(profileId: string, name: string): Promise<ProfileSummary> {
    const updated = await this.deps.store.update((all) => all.map((profile) => (profile.id === profileId ? { ...profile, name } : profile)));
    const profile = updated.find((candidate) => candidate.id === profileId);
    if (!profile) throw new UnknownProfileError(profileId);
    return this.deps.lifetimes.summarize(profile);
  }

  async remove(profileId: string, vaultSecrets: 'leave' | 'delete' = 'leave'): Promise<void> {
    const profile = await this.deps.store.get(profileId);
    if (!profile) throw new UnknownProfileError(profileId);
    // A published profile: the vault's secrets go first when asked (a refusal keeps everything), then publishing stops.
    await this.deps.unpublish(profileId, vaultSecrets === 'delete');
    // Secrets first: if the keychain refuses, the profile stays listed and can be removed again.
    const { keychain } = this.deps;
    await keychain.delete(vaultAccounts.refreshToken(profileId));
    await keychain.delete(vaultAccounts.clientSecret(profileId));
    await keychain.delete(vaultAccounts.exchangeRefreshToken(profileId));
    const othersUseApp = (await this.deps.store.list()).some((other) => other.id !== profileId && other.clientId === profile.clientId);
    if (!othersUseApp) await keychain.delete(samAppSecretAccount(profile.clientId));
    await this.deps.store.update((all) => all.filter((candidate) => candidate.id !== profileId));
    // Its cached customer list, access check and readiness results hold no secrets, but they
    // belong to it; a list still being written in the background would bring its file back.
    await this.deps.customerListWritten(profileId).catch(() => undefined);
    await removeProfileFiles(this.deps.home, profileId);
  }
}
