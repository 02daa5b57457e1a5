import type { ResourceName } from '../../shared/cloud';
import type { AccessToken, RefreshTokenKeeper } from '../identity/refreshTokens';
import { redeemAsStoredClient, storedCredential } from '../identity/refreshTokens';
import type { TokenClient } from '../identity/tokenClient';
import type { ProfileRecord } from '../profiles/profileStore';
import type { SecretVault } from '../vault/secretVault';

/**
 * Redeems one profile's refresh token many times (an access check across 1,000 customers) and
 * keeps only the newest rotated token: written at most once every `flushEveryMs` and once at the
 * end, instead of 1,000 keychain writes. Every token it writes came back from a successful
 * redemption, and older ones stay valid until their own 90 days pass, so whatever the keychain
 * holds at any moment (a crash included) is a good token.
 */
export class BatchRedeemer {
  private newest: string;
  private unsaved = false;
  private lastWriteAt: number;
  private writing: Promise<unknown> = Promise.resolve();
  /** Keychain writes made, for the benchmark and tests. */
  writes = 0;

  private constructor(
    private readonly profile: ProfileRecord,
    refreshToken: string,
    private clientSecret: string | undefined,
    private readonly keeper: RefreshTokenKeeper,
    private readonly tokens: TokenClient,
    private readonly now: () => number,
    private readonly flushEveryMs: number,
  ) {
    this.newest = refreshToken;
    this.lastWriteAt = now();
  }

  static async open(
    profileId: string,
    collaborators: { keeper: RefreshTokenKeeper; vault: SecretVault; tokens: TokenClient },
    options: { now?: () => number; flushEveryMs?: number } = {},
  ): Promise<BatchRedeemer> {
    const { keeper, vault, tokens } = collaborators;
    const profile = await keeper.profile(profileId);
    const { refreshToken, clientSecret } = await storedCredential(vault, profile);
    return new BatchRedeemer(profile, refreshToken, clientSecret, keeper, tokens, options.now ?? Date.now, options.flushEveryMs ?? 10_000);
  }

  async redeem(tenantId: string, resource: ResourceName, signal?: AbortSignal): Promise<AccessToken> {
    const presentedSecret = this.clientSecret;
    const { redeemed, publicClient } = await redeemAsStoredClient(this.tokens, {
      clientId: this.profile.clientId,
      clientSecret: presentedSecret,
      refreshToken: this.newest,
      tenantId,
      resource,
      signal,
    });
    if (publicClient && presentedSecret && this.clientSecret) {
      // Learned once for the whole batch: the app is a public client.
      this.clientSecret = undefined;
      await this.keeper.rememberPublicClient(this.profile.id);
    }
    this.newest = redeemed.refreshToken;
    this.unsaved = true;
    if (this.now() - this.lastWriteAt >= this.flushEveryMs) void this.flush().catch(() => undefined);
    return { accessToken: redeemed.accessToken, expiresAt: redeemed.expiresAt };
  }

  /** Writes the newest rotated token if it has not been written yet; at the end of every batch. */
  flush(): Promise<unknown> {
    if (this.unsaved) {
      const token = this.newest;
      this.unsaved = false;
      this.lastWriteAt = this.now();
      this.writes++;
      this.writing = this.writing
        .catch(() => undefined)
        .then(() => this.keeper.keepRotated(this.profile.id, token))
        .catch((error: unknown) => {
          // Not stored: try again at the next flush (the keychain still holds an older, valid token).
          if (this.newest === token) this.unsaved = true;
          throw error;
        });
    }
    return this.writing;
  }
}
