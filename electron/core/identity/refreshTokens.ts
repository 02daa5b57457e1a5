import type { CloudEndpoints, ResourceName } from '../../shared/cloud';
import { ProfileStore, type ProfileRecord } from '../profiles/profileStore';
import { requireSameCloud } from '../profiles/cloudBinding';
import { vaultAccounts, type SecretVault } from '../vault/secretVault';
import { MicrosoftIdentityError } from './aadsts';
import type { RedeemedTokens, RedeemRequest, TokenClient } from './tokenClient';

export class NotConsentedError extends Error {
  constructor(profileName: string) {
    super(`No refresh token is stored for “${profileName}”. Sign in again to consent.`);
    this.name = 'NotConsentedError';
  }
}

export class UnknownProfileError extends Error {
  constructor(id: string) {
    super(`There is no profile “${id}”.`);
    this.name = 'UnknownProfileError';
  }
}

export interface AccessToken {
  accessToken: string;
  expiresAt: Date;
}

/**
 * Redeems with the profile's client secret when it has one. A profile stored before the app took
 * the Web shape, or whose app is a public client again, gets AADSTS700025 for the secret
 * (https://learn.microsoft.com/entra/identity-platform/reference-error-codes): it is retried once
 * without it, and `publicClient` tells the caller to remember the profile as public.
 */
export async function redeemAsStoredClient(tokens: TokenClient, request: RedeemRequest): Promise<{ redeemed: RedeemedTokens; publicClient: boolean }> {
  try {
    return { redeemed: await tokens.redeem(request), publicClient: !request.clientSecret };
  } catch (error) {
    const refusedSecret = error instanceof MicrosoftIdentityError && error.code === '700025';
    if (!request.clientSecret || !refusedSecret) throw error;
    return { redeemed: await tokens.redeem({ ...request, clientSecret: undefined }), publicClient: true };
  }
}

/**
 * Redeems a profile's refresh token and keeps the rotated one. The keychain write happens
 * before the metadata says "redeemed", and a failed redemption writes nothing, so the last good
 * token is never lost. Writes for one profile are serialized: concurrent redemptions each get a
 * valid rotated token, and the keychain ends with one of them whole.
 */
export class RefreshTokenKeeper {
  private readonly writes = new Map<string, Promise<unknown>>();
  /** Told after each rotated token is stored (the Key Vault copy follows); never part of the write. */
  private readonly rotationListeners = new Set<(profileId: string) => void>();

  constructor(
    private readonly vault: SecretVault,
    private readonly profiles: ProfileStore,
    private readonly tokens: TokenClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The cloud it redeems at; profiles bound elsewhere are refused. */
  get cloud(): CloudEndpoints {
    return this.tokens.cloud;
  }

  async redeem(profileId: string, tenantId: string, resource: ResourceName, signal?: AbortSignal): Promise<AccessToken> {
    const profile = await this.profile(profileId);
    const { refreshToken, clientSecret } = await storedCredential(this.vault, profile);
    const { redeemed, publicClient } = await redeemAsStoredClient(this.tokens, {
      clientId: profile.clientId,
      clientSecret,
      refreshToken,
      tenantId,
      resource,
      signal,
    });
    await this.keep(profile.id, redeemed.refreshToken);
    if (publicClient && profile.hasClientSecret) await this.rememberPublicClient(profile.id);
    return { accessToken: redeemed.accessToken, expiresAt: redeemed.expiresAt };
  }

  /**
   * From now on the profile redeems without its secret (Microsoft said the app is a public client).
   * The secret stays in the keychain: a later re-consent of the fixed app may use it again.
   */
  async rememberPublicClient(profileId: string): Promise<void> {
    await this.profiles.update((profiles) => profiles.map((profile) => (profile.id === profileId ? { ...profile, hasClientSecret: false } : profile)));
  }

  /**
   * The profile, if it belongs to the cloud this keeper redeems at (OtherCloudError otherwise):
   * every path that reads a profile's token or secret to use it comes through here first.
   */
  async profile(profileId: string): Promise<ProfileRecord> {
    const profile = await this.profiles.get(profileId);
    if (!profile) throw new UnknownProfileError(profileId);
    requireSameCloud(profile, this.tokens.cloud);
    return profile;
  }

  /**
   * Stores a refresh token that a redemption made elsewhere returned (the access check redeems
   * hundreds of times and keeps only the newest), through the same serialized write.
   */
  keepRotated(profileId: string, refreshToken: string): Promise<unknown> {
    return this.keep(profileId, refreshToken);
  }

  /**
   * Stores a refresh token that came from elsewhere (a newer one a teammate's automation wrote to
   * Key Vault), issued at `issuedAt`: the same serialized write, but not reported as a rotation.
   */
  adopt(profileId: string, refreshToken: string, issuedAt: Date): Promise<unknown> {
    return this.keep(profileId, refreshToken, issuedAt);
  }

  /** Registers a listener told of every stored rotation; returns its removal. */
  onRotated(listener: (profileId: string) => void): () => void {
    this.rotationListeners.add(listener);
    return () => this.rotationListeners.delete(listener);
  }

  private keep(profileId: string, refreshToken: string, adoptedIssuedAt?: Date): Promise<unknown> {
    const previous = this.writes.get(profileId) ?? Promise.resolve();
    const next = previous.then(async () => {
      const redeemedAt = (adoptedIssuedAt ?? this.now()).toISOString();
      await this.vault.set(vaultAccounts.refreshToken(profileId), refreshToken);
      await this.profiles.update((profiles) =>
        profiles.map((profile) => (profile.id === profileId ? { ...profile, lastRedeemedAt: redeemedAt } : profile)),
      );
      if (adoptedIssuedAt) return;
      for (const listener of this.rotationListeners) {
        try {
          listener(profileId);
        } catch {
          // A listener's failure is its own (it reports it); the stored token stays stored.
        }
      }
    });
    this.writes.set(profileId, next.catch(() => undefined));
    return next;
  }
}

/** A profile's refresh token and, when it redeems as a confidential client, its secret, from the keychain. */
export async function storedCredential(
  vault: SecretVault,
  profile: Pick<ProfileRecord, 'id' | 'name' | 'hasClientSecret'>,
): Promise<{ refreshToken: string; clientSecret: string | undefined }> {
  const refreshToken = await vault.get(vaultAccounts.refreshToken(profile.id));
  if (!refreshToken) throw new NotConsentedError(profile.name);
  const clientSecret = profile.hasClientSecret ? ((await vault.get(vaultAccounts.clientSecret(profile.id))) ?? undefined) : undefined;
  return { refreshToken, clientSecret };
}
