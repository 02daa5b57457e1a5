import type { AccessToken as AzureAccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import type { AccessToken, RefreshTokenKeeper } from '../identity/refreshTokens';

/** Access tokens are reused until this close to their end. */
const REUSE_MARGIN_MS = 5 * 60_000;

/**
 * Key Vault access tokens minted from a profile's stored refresh token (no second sign-in),
 * remembered per profile and tenant while they last: each redemption rotates the refresh token,
 * which the vault copy then has to follow.
 */
export class KeyVaultTokens {
  private readonly cache = new Map<string, AccessToken>();

  constructor(
    private readonly keeper: RefreshTokenKeeper,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get(profileId: string, tenantId: string, options: { fresh?: boolean; signal?: AbortSignal } = {}): Promise<AccessToken> {
    const key = `${profileId} ${tenantId.toLowerCase()}`;
    const cached = this.cache.get(key);
    if (cached && !options.fresh && cached.expiresAt.getTime() - this.now().getTime() > REUSE_MARGIN_MS) return cached;
    const token = await this.keeper.redeem(profileId, tenantId, 'keyvault', options.signal);
    this.cache.set(key, token);
    return token;
  }

  forget(profileId: string): void {
    for (const key of this.cache.keys()) if (key.startsWith(`${profileId} `)) this.cache.delete(key);
  }
}

/**
 * The TokenCredential `@azure/keyvault-secrets` asks for a token, backed by SAM Desk's token
 * keeper. One per SecretClient: its first token may be a remembered one; a second request from the
 * same client means Key Vault refused the first (a new challenge), so it is minted afresh.
 * Only the cloud's Key Vault resource is served: the SDK asks for `{resource}/.default`, in the
 * tenant the vault's challenge names.
 */
export class KeeperCredential implements TokenCredential {
  private requests = 0;

  constructor(
    private readonly tokens: KeyVaultTokens,
    private readonly profileId: string,
    private readonly partnerTenantId: string,
    private readonly keyVaultResource: string,
  ) {}

  async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AzureAccessToken> {
    assertKeyVaultScope(scopes, this.keyVaultResource);
    const token = await this.tokens.get(this.profileId, options?.tenantId || this.partnerTenantId, {
      fresh: this.requests++ > 0,
      signal: options?.abortSignal as AbortSignal | undefined,
    });
    return { token: token.accessToken, expiresOnTimestamp: token.expiresAt.getTime(), tokenType: 'Bearer' };
  }
}

/** A vault's challenge names the resource; SAM Desk mints tokens for its own cloud's Key Vault only. */
export function assertKeyVaultScope(scopes: string | string[], keyVaultResource: string): void {
  const list = Array.isArray(scopes) ? scopes : [scopes];
  const expected = `${keyVaultResource}/.default`;
  if (list.length !== 1 || list[0]!.replace(/\/+\.default$/, '/.default') !== expected) {
    throw new Error(`The vault asked for a token for ${list.join(' ').slice(0, 100)}; SAM Desk sends only ${expected} tokens to a vault.`);
  }
}
