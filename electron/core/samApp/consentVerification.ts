import type { UserFacingError } from '../../ipc/errors';
import type { ConsentVerification } from '../../ipc/wizard';
import { toUserFacingError } from '../app/userFacingError';
import type { CloudEndpoints } from '../../shared/cloud';
import { readJson, type HttpClient } from '../http/httpClient';
import { serviceErrorFrom } from '../http/serviceError';
import { hasMfaClaim, readClaims, userOf } from '../identity/jwt';
import type { RefreshTokenKeeper } from '../identity/refreshTokens';
import type { ProfileLifetimes } from '../lifetime/profileLifetimes';
import type { CustomerTenantService } from '../tenants/customerTenants';
import { vaultAccounts, type SecretVault } from '../vault/secretVault';

type Check<T> = ({ ok: true } & T) | { ok: false; error: UserFacingError };

async function attempt<T extends object>(work: () => Promise<T>): Promise<Check<T>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (error) {
    return { ok: false, error: toUserFacingError(error) };
  }
}

/**
 * The wizard's proof that consent worked: the stored refresh token is redeemed for Partner Center
 * (its claims decoded for display: user, tenant, scopes, expiry, MFA), then Partner Center,
 * Graph and Exchange Online are called with it. A failed redemption fails the whole check, with
 * its AADSTS explanation; a failing service is reported beside the ones that work.
 */
export class ConsentVerifier {
  constructor(
    private readonly cloud: CloudEndpoints,
    private readonly http: HttpClient,
    private readonly vault: SecretVault,
    private readonly keeper: RefreshTokenKeeper,
    private readonly customers: CustomerTenantService,
    private readonly lifetimes: ProfileLifetimes,
  ) {}

  async verify(profileId: string): Promise<ConsentVerification> {
    const profile = await this.keeper.profile(profileId);
    const partnerCenterToken = await this.keeper.redeem(profileId, profile.partnerTenantId, 'partnercenter');
    const claims = readClaims(partnerCenterToken.accessToken);
    const [partnerCenter, graph, exchangeModern, exchangeRefreshToken] = await Promise.all([
      attempt(async () => ({ customerCount: (await this.customers.list(profileId, true)).customers.length })),
      attempt(async () => ({ organization: await this.organizationName(profileId, profile.partnerTenantId) })),
      attempt(async () => (await this.keeper.redeem(profileId, profile.partnerTenantId, 'exchange'), {})),
      this.vault.get(vaultAccounts.exchangeRefreshToken(profileId)),
    ]);
    const summary = await this.lifetimes.summarize(await this.keeper.profile(profileId));
    return {
      user: userOf(claims),
      tenantId: claims.tid ?? profile.partnerTenantId,
      scopes: (claims.scp ?? '').split(' ').filter(Boolean),
      mfa: hasMfaClaim(claims),
      accessTokenExpiresAt: partnerCenterToken.expiresAt.toISOString(),
      refreshTokenExpiresAt: summary.refreshTokenExpiresAt,
      partnerCenter,
      graph,
      exchangeModern,
      exchangeDeviceCodeStored: exchangeRefreshToken !== null,
    };
  }

  private async organizationName(profileId: string, partnerTenantId: string): Promise<string> {
    const { accessToken } = await this.keeper.redeem(profileId, partnerTenantId, 'graph');
    const response = await this.http.send({
      method: 'GET',
      url: `${this.cloud.graphApi}/v1.0/organization`,
      headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
    });
    const body = readJson<{ value?: Array<{ displayName?: string }> }>(response);
    if (response.status !== 200 || !body) throw serviceErrorFrom('Microsoft Graph', response);
    return body?.value?.[0]?.displayName ?? 'your partner tenant';
  }
}
